namespace WomRules.Hosting;

/// <summary>What became of one event of a request: the <c>womrules.event.result</c> tag.</summary>
internal enum EventResult
{
    Applied,
    Rejected,
    Duplicate,

    /// <summary>A good event of a batch refused for another line's sake: evaluated, not applied.</summary>
    Discarded,
}
