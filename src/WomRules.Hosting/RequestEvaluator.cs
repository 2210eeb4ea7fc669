using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// Evaluates one request with its campaign's lock held: one event, or a batch applied all or nothing; then tells the
/// store, the counters, the log and the span what came of it. A service sends one request per event, so that path is
/// its own, without the batch's per-event marks and rejection list (docs/performance.md, hosting overhead).
/// </summary>
internal sealed class RequestEvaluator(ILogger logger, WomRulesMetrics metrics)
{
    private static readonly ActivitySource Tracing = new(WomRulesTelemetry.ActivitySourceName, typeof(RequestEvaluator).Assembly.GetName().Version?.ToString());

    // Span tag values boxed once, not per request.
    private static readonly object BoxedOne = 1;
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>A one-event request, answered with a new result.</summary>
    public CampaignResult Evaluate(CampaignSlot slot, string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            // Nothing to evaluate: the batch path already handles a request with no event.
            return Evaluate(slot, new ReadOnlySpan<string>(in line));
        }

        var outcomes = slot.Outcomes;
        try
        {
            var (info, result) = EvaluateOne(slot, line);
            IReadOnlyList<RejectedLine> rejections = result == EventResult.Rejected ? [RejectedLine(outcomes[0], 1)] : [];
            return new CampaignResult(info, outcomes.ToArray(), rejections);
        }
        finally
        {
            Reset(outcomes);
        }
    }

    /// <summary>A one-event request whose outcomes go to the caller's collection: nothing allocated for the answer.</summary>
    public CampaignInfo Evaluate(CampaignSlot slot, string line, ICollection<Outcome> into)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            // No event, so no outcome: the request goes the same way as the other form's.
            return Evaluate(slot, new ReadOnlySpan<string>(in line)).Campaign;
        }

        var outcomes = slot.Outcomes;
        try
        {
            var (info, _) = EvaluateOne(slot, line);
            foreach (var outcome in outcomes)
            {
                into.Add(outcome);
            }

            return info;
        }
        finally
        {
            Reset(outcomes);
        }
    }

    /// <summary>
    /// Evaluates and applies one event into the slot's outcome list (the caller reads and resets it): a lone event is
    /// applied even when rejected, as the engine changed nothing for it but the clock.
    /// </summary>
    private (CampaignInfo Info, EventResult Result) EvaluateOne(CampaignSlot slot, string line)
    {
        var version = slot.Current;
        var info = version.Info;
        using var activity = StartSpan(version);
        var outcomes = slot.Outcomes;
        var state = slot.State;
        state.Begin(1);
        var timed = metrics.TimesEvents;
        var start = timed ? Stopwatch.GetTimestamp() : 0;
        state.Engine.ProcessJson(line, outcomes);
        var seconds = timed ? Seconds(start) : 0;
        var result = Classify(outcomes, 0);
        if (result == EventResult.Rejected)
        {
            LogRejected(info, outcomes[0]);
        }

        Commit(state, new ReadOnlySpan<string>(in line), activity, info);
        slot.PublishIssued();
        Record(slot, info, outcomes, 0, outcomes.Count, result, timed, seconds, countsOutcomes: metrics.CountsOutcomes);
        TagOutcome(activity, outcomes, 1, applied: true);
        return (info, result);
    }

    /// <summary>A batch: applied only when no line of it is rejected.</summary>
    public CampaignResult Evaluate(CampaignSlot slot, ReadOnlySpan<string> lines)
    {
        var version = slot.Current;
        var info = version.Info;
        using var activity = StartSpan(version);
        var events = 0;
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                events++;
            }
        }

        // Where each event's outcomes end, what became of it and how long it took: counted once the batch is applied or not.
        var marks = ArrayPool<EventMark>.Shared.Rent(Math.Max(events, 1));
        var outcomes = slot.Outcomes;
        List<RejectedLine>? rejections = null;
        try
        {
            var state = slot.State;
            state.Begin(events);
            var engine = state.Engine;
            var timed = metrics.TimesEvents;
            var count = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var start = timed ? Stopwatch.GetTimestamp() : 0;
                var first = outcomes.Count;
                engine.ProcessJson(line, outcomes);
                var seconds = timed ? Seconds(start) : 0;
                var result = Classify(outcomes, first);
                if (result == EventResult.Rejected)
                {
                    LogRejected(info, outcomes[first]);
                    (rejections ??= []).Add(RejectedLine(outcomes[first], i + 1));
                }

                marks[count++] = new EventMark(outcomes.Count, seconds, result);
            }

            var applied = rejections is null || events == 1;
            if (applied)
            {
                Commit(state, lines, activity, info);
            }
            else
            {
                state.Rollback();
            }

            slot.PublishIssued();
            var countsOutcomes = applied && metrics.CountsOutcomes;
            var from = 0;
            foreach (var mark in marks.AsSpan(0, count))
            {
                // An event of a batch refused for another line's sake was evaluated but not applied: "discarded".
                var result = applied || mark.Result == EventResult.Rejected ? mark.Result : EventResult.Discarded;
                Record(slot, info, outcomes, from, applied ? mark.End : from, result, timed, mark.Seconds, countsOutcomes);
                from = mark.End;
            }

            TagOutcome(activity, outcomes, count, applied);
            return new CampaignResult(info, outcomes.ToArray(), rejections is null ? [] : rejections);
        }
        finally
        {
            Reset(outcomes);
            ArrayPool<EventMark>.Shared.Return(marks);
        }
    }

    // Straight from the tick difference: the TimeSpan that GetElapsedTime builds only to be turned back into seconds costs
    // a few nanoseconds more, and the timestamps themselves are most of what metrics cost per event.
    private static double Seconds(long start) => (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;

    private static Activity? StartSpan(CampaignVersion version)
    {
        var activity = Tracing.StartActivity("womrules.process");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WomRulesMetrics.CampaignTag, version.Info.Id);
            activity.SetTag("womrules.campaign.revision", version.BoxedRevision);
            activity.SetTag("womrules.campaign.content_hash", version.Info.ContentHash);
        }

        return activity;
    }

    private static void TagOutcome(Activity? activity, List<Outcome> outcomes, int events, bool applied)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("womrules.event.count", events == 1 ? BoxedOne : events);
            activity.SetTag("womrules.request.applied", applied ? BoxedTrue : BoxedFalse);
            if (events == 1 && outcomes.Count > 0 && outcomes[0].EventId is { } id)
            {
                activity.SetTag("womrules.event.id", id);
            }
        }
    }

    private static EventResult Classify(List<Outcome> outcomes, int first) =>
        outcomes.Count == first ? EventResult.Applied
        : outcomes[first] switch
        {
            RejectedOutcome => EventResult.Rejected,
            DuplicateOutcome => EventResult.Duplicate,
            _ => EventResult.Applied,
        };

    // The slot's list is reused by the next request; a big batch's buffer is not kept.
    private static void Reset(List<Outcome> outcomes)
    {
        outcomes.Clear();
        if (outcomes.Capacity > CampaignSlot.KeptOutcomeCapacity)
        {
            outcomes.Capacity = CampaignSlot.KeptOutcomeCapacity;
        }
    }

    private static RejectedLine RejectedLine(Outcome rejected, int line) =>
        new(line, rejected.EventId, ((RejectedOutcome)rejected).Reason);

    private void LogRejected(CampaignInfo info, Outcome rejected) =>
        WomRulesLog.EventRejected(logger, info.Id, info.Revision, rejected.EventId, ((RejectedOutcome)rejected).Reason);

    private void Commit(CampaignState state, ReadOnlySpan<string> lines, Activity? activity, CampaignInfo info)
    {
        try
        {
            state.Commit(lines);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "the store failed");
            activity?.AddException(ex);
            WomRulesLog.StoreFailed(logger, ex, info.Id, info.Revision);
            throw;
        }
    }

    /// <summary>
    /// Counts one event and its outcomes <c>[from, end)</c> (an empty range when they were not applied), times it, and
    /// logs each rule a spent budget stopped.
    /// </summary>
    private void Record(CampaignSlot slot, CampaignInfo info, List<Outcome> outcomes, int from, int end, EventResult result, bool timed, double seconds, bool countsOutcomes)
    {
        var counters = slot.Counters;
        counters.Event(result);
        if (timed)
        {
            metrics.Duration(info.Id, result, seconds);
        }

        for (var i = from; i < end; i++)
        {
            var outcome = outcomes[i];
            if (countsOutcomes)
            {
                counters.Outcome(outcome);
            }

            if (outcome is SkippedOutcome { Reason: "budget" } skipped)
            {
                WomRulesLog.BudgetExhausted(logger, info.Id, info.Revision, skipped.Rule, skipped.Participant, skipped.EventId);
            }
        }
    }

    private readonly record struct EventMark(int End, double Seconds, EventResult Result);
}
