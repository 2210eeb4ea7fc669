namespace WomRules.Runtime;

/// <summary>
/// One held amount of a pending reward (spec v1.1 §3) waiting for its release, as an immutable value a host's store
/// keeps (docs/stores.md): <see cref="StateChange.PendingAdded"/> carries the new ones, <see cref="StateChange.PendingRemoved"/>
/// the <see cref="Grant"/> of those released or reversed. The participant's pending totals already count it; a
/// rehydrated engine queues its release again. Exactly one of <see cref="Points"/> and <see cref="Credit"/> is set.
/// </summary>
public sealed class PendingGrantSnapshot
{
    /// <summary>Creates one; throws <see cref="ArgumentException"/> unless exactly one amount, more than 0, is given.</summary>
    public PendingGrantSnapshot(long grant, DateTimeOffset due, string source, string rule, string participant, long? points, decimal? credit)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(participant);
        if ((points is null) == (credit is null) || points <= 0 || credit <= 0m)
        {
            throw new ArgumentException($"A pending grant of '{participant}' holds points or credit, more than 0, not both.", nameof(points));
        }

        Grant = grant;
        Due = due;
        Source = source;
        Rule = rule;
        Participant = participant;
        Points = points;
        Credit = credit;
    }

    /// <summary>The grant's place in grant order (spec v1.1 §1), unique: the key a store keeps it under.</summary>
    public long Grant { get; }

    /// <summary>When the hold ends and the amount joins the balance, in UTC.</summary>
    public DateTimeOffset Due { get; }

    /// <summary>The id of the event that granted it.</summary>
    public string Source { get; }

    /// <summary>The rule that granted it.</summary>
    public string Rule { get; }

    /// <summary>The participant it is held for.</summary>
    public string Participant { get; }

    /// <summary>The points held, for a points grant.</summary>
    public long? Points { get; }

    /// <summary>The credit held, for a credit grant.</summary>
    public decimal? Credit { get; }

    internal static PendingGrantSnapshot From(PendingRelease release) =>
        new(release.Sequence, new DateTimeOffset(release.Due, TimeSpan.Zero), release.Source, release.Rule, release.Participant, release.Points, release.Credit);

    internal PendingRelease ToRelease() => new(Due.UtcDateTime, Grant, Source, Rule, Participant, Points, Credit);
}
