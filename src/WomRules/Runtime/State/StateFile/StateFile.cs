using System.Text.Json;
using WomRules.Text;

namespace WomRules.Runtime;

/// <summary>
/// The state file of spec §5: <c>{"participants": {...}}</c>, plus what resuming needs (seen event ids, limit
/// windows, budget used, the ledger of spec v1.1 §2) so that running A then B from the saved state equals running A+B. It is the ledger of what
/// is owed, so reading it validates everything, and a file this version writes carries a format version and a
/// checksum (docs/semantics.md, "State file"). This reads the file; <see cref="StateFileWriter"/> writes it.
/// </summary>
internal static class StateFile
{
    /// <summary>The format version written. A file without one is the unversioned form of spec §5, read without a checksum.</summary>
    public const int Version = 2;

    private static readonly HashSet<string> RootMembers = ["version", "checksum", "campaign", "participants", "budget_used", "seen_events", "ledger", "clock", "next_grant", "pending", StateFileIdentities.Member];
    private static readonly HashSet<string> BudgetMembers = ["points", "credit"];

    public static InMemoryParticipantStore Read(Stream stream, CompiledCampaign campaign)
    {
        var contents = Read(StateFileText.Read(stream), campaign, verifyChecksum: true);
        var store = new InMemoryParticipantStore();
        store.LedgerFor(campaign);
        store.Restore(contents.Participants, contents.SeenEvents, contents.Ledger, contents.PointsUsed, contents.CreditUsed);
        // The queue: the held grants, the expiry of every lot, and the keep end of every tier still kept (spec v1.1 §1,
        // §3, §4, §5). A keep end is rebuilt from tier_since rather than written: one already due has happened.
        IEnumerable<DueEffect> effects = contents.Pending;
        effects = effects.Concat(contents.Participants.SelectMany(p => p.Lots.Select(l => new LotExpiry(l.Expires, l.Grant, p.Id))));
        if (campaign.Bound.TierDowngrade)
        {
            effects = effects.Concat(contents.Participants
                .Select(p => TierKeepEnd.For(p, campaign.Bound.TierKeep))
                .Where(k => k is not null && (contents.Clock is not { } clock || k.Due > clock))
                .Select(k => (DueEffect)k!));
        }

        store.Timeline.Restore(contents.Clock, contents.NextGrant, effects);
        store.Identities.Restore(contents.Identities);
        return store;
    }

    /// <summary>
    /// Validates a state file and reads it. Without a campaign (<c>womrules state seal FILE</c>) only what needs none is
    /// checked and no participants are built. Any problem is an <see cref="InvalidDataException"/> (<see cref="StateFileError"/>) that says where.
    /// </summary>
    public static StateContents Read(StateFileText text, CompiledCampaign? campaign, bool verifyChecksum)
    {
        text.Scan();
        using var document = JsonDocument.Parse(text.Json, new JsonDocumentOptions { MaxDepth = StateFileText.MaxDepth });
        var root = document.RootElement;
        var top = StateFilePath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw text.ErrorAt(top, $"a state file holds a JSON object, such as {{\"participants\": {{}}}}, not {StateFileValues.Kind(root)}");
        }

        var versioned = root.TryGetProperty("version", out var version);
        if (versioned && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) && number == Version))
        {
            throw text.ErrorAt(top.Member("version"), $"this womrules reads state files of version {Version}, and files without a version; not {StateFileValues.Describe(version)}");
        }

        if (root.TryGetProperty("checksum", out var checksum))
        {
            var path = top.Member("checksum");
            if (checksum.ValueKind != JsonValueKind.String || !StateChecksum.IsWellFormed(checksum.GetString()!) || text.ChecksumValueOffset < 0)
            {
                throw text.ErrorAt(path, $"the checksum must be \"{StateChecksum.Prefix}\" and 64 lower-case hex digits, written without escapes");
            }

            var digitsOffset = text.ChecksumValueOffset + StateChecksum.Prefix.Length;
            if (verifyChecksum && StateChecksum.Compute(text.Bytes.AsSpan(0, text.Length), digitsOffset) != checksum.GetString()![StateChecksum.Prefix.Length..])
            {
                throw text.ErrorAt(path, "the checksum does not match the file: it was truncated or edited after it was saved; if the edit was deliberate, run 'womrules state seal' on the file");
            }
        }
        else if (versioned)
        {
            throw text.ErrorAt(top, $"a state file with a version must have a checksum (\"checksum\": \"{StateChecksum.Prefix}…\"); it was removed, or the file was cut short");
        }

        if (root.TryGetProperty("campaign", out var campaignId))
        {
            var path = top.Member("campaign");
            StateFileValues.Expect(text, campaignId, JsonValueKind.String, path);
            if (campaign is not null && campaignId.GetString() != campaign.Id)
            {
                throw text.ErrorAt(path, $"this state belongs to the campaign '{StateFilePath.Escape(campaignId.GetString()!)}', not to '{campaign.Id}'");
            }
        }
        else if (versioned)
        {
            throw text.ErrorAt(top, "a state file with a version must name its campaign (\"campaign\": \"…\")");
        }

        if (versioned)
        {
            StateFileValues.RefuseUnknown(text, root, top, RootMembers);
        }

        var schema = campaign?.Schema;
        var states = new List<ParticipantState>();
        var participantIds = new HashSet<string>(StringComparer.Ordinal);
        var firings = new List<(StateFilePath Path, long Ticks)>();
        if (root.TryGetProperty("participants", out var participants))
        {
            var path = top.Member("participants");
            StateFileValues.Expect(text, participants, JsonValueKind.Object, path);
            // Under the ids option events are canonicalised, so no event could reach a participant stored under another
            // spelling: its balance and limit usage would sit apart from the canonical participant's.
            var ids = campaign?.Bound.Ids is { IsIdentity: false } option ? option : null;
            foreach (var entry in participants.EnumerateObject())
            {
                if (ids is not null && ParticipantIds.Canonicalize(entry.Name, ids) is { } canonical && !string.Equals(canonical, entry.Name, StringComparison.Ordinal))
                {
                    throw text.ErrorAt(path.Member(entry.Name),
                        $"this participant id is not canonical under the campaign's ids option (it reads as '{MessageText.Escape(canonical)}'), so no event could reach it; canonicalise the state's ids",
                        atKey: true);
                }

                participantIds.Add(entry.Name);
                if (StateFileParticipant.Read(text, path.Member(entry.Name), entry.Name, entry.Value, schema, versioned, campaign?.Bound, firings) is { } state)
                {
                    states.Add(state);
                }
            }
        }

        var seen = new List<string>();
        if (root.TryGetProperty("seen_events", out var seenElement))
        {
            var path = top.Member("seen_events");
            StateFileValues.Expect(text, seenElement, JsonValueKind.Array, path);
            var index = 0;
            foreach (var id in seenElement.EnumerateArray())
            {
                StateFileValues.Expect(text, id, JsonValueKind.String, path.Item(index++));
                seen.Add(id.GetString()!);
            }
        }

        long pointsUsed = 0;
        decimal creditUsed = 0m;
        if (root.TryGetProperty("budget_used", out var used))
        {
            var path = top.Member("budget_used");
            StateFileValues.Expect(text, used, JsonValueKind.Object, path);
            if (versioned)
            {
                StateFileValues.RefuseUnknown(text, used, path, BudgetMembers);
            }

            if (used.TryGetProperty("points", out var p))
            {
                pointsUsed = StateFileValues.ReadCount(text, p, path.Member("points"));
                if (campaign?.Bound.Budget?.Points is { } budget && pointsUsed > budget)
                {
                    throw text.ErrorAt(path.Member("points"), $"{pointsUsed} points used is more than the campaign's budget of {budget}");
                }
            }

            if (used.TryGetProperty("credit", out var c))
            {
                creditUsed = StateFileValues.ReadAmount(text, c, path.Member("credit"));
                if (campaign?.Bound.Budget?.Credit is { } budget && creditUsed > budget)
                {
                    throw text.ErrorAt(path.Member("credit"), $"{OutcomeJson.FormatDecimal(creditUsed)} credit used is more than the campaign's budget of {OutcomeJson.FormatDecimal(budget)}");
                }
            }
        }

        var ledger = root.TryGetProperty("ledger", out var ledgerElement)
            ? StateFileLedger.Read(text, ledgerElement, top.Member("ledger"), campaign, participantIds, new HashSet<string>(seen, StringComparer.Ordinal), versioned)
            : [];
        StateFileLedger.CheckOwed(text, top.Member("ledger"), ledger, states, pointsUsed, creditUsed);
        var clock = ReadClock(text, root, top, ledger);
        StateFileLimits.CheckAgainstClock(text, firings, clock);
        var pending = StateFilePending.Read(text, root, top, clock, states, participantIds, new HashSet<string>(seen, StringComparer.Ordinal), campaign is not null, versioned);
        long nextGrant = 0;
        if (root.TryGetProperty("next_grant", out var nextGrantElement))
        {
            nextGrant = StateFileValues.ReadCount(text, nextGrantElement, top.Member("next_grant"));
        }

        if (campaign is not null && campaign.Bound.PointsExpiry is null)
        {
            // A campaign without expiry keeps no lots: ones left from an earlier version of it are dropped, like a counter it no longer declares.
            foreach (var state in states)
            {
                state.Lots = [];
            }
        }

        StateFileLots.Check(text, top.Member("participants"), campaign?.Bound.PointsExpiry is null ? [] : states, pending, clock, nextGrant, top.Member("next_grant"));
        return new StateContents(states, seen, pointsUsed, creditUsed, versioned, root.TryGetProperty("checksum", out _) ? text.ChecksumValueOffset + StateChecksum.Prefix.Length : -1)
        {
            Ledger = ledger,
            Clock = clock,
            Pending = pending,
            NextGrant = nextGrant,
            Identities = StateFileIdentities.Read(text, root, top, participantIds, campaign),
        };
    }

    /// <summary>
    /// The clock (spec v1.1 §1). It is never earlier than an event the ledger holds, since every applied event moved
    /// it; a file without one (written before v1.1) resumes at the latest of those.
    /// </summary>
    private static DateTime? ReadClock(StateFileText text, JsonElement root, StateFilePath top, IReadOnlyList<KeyValuePair<string, LedgerMark>> ledger)
    {
        DateTime? latest = null;
        foreach (var (_, mark) in ledger)
        {
            if (mark.IsKnown && (latest is null || mark.At > latest))
            {
                latest = mark.At;
            }
        }

        if (!root.TryGetProperty("clock", out var element))
        {
            return latest;
        }

        var path = top.Member("clock");
        var clock = StateFileLedger.ReadTime(text, element, path);
        if (latest is { } last && clock < last)
        {
            throw text.ErrorAt(path, $"the clock is earlier than the ledger's latest event ({TimestampText.Format(last)}); the clock never goes back, so it was edited");
        }

        return clock;
    }
}
