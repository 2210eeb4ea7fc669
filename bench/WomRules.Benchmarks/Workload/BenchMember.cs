namespace WomRules.Benchmarks.Workload;

/// <summary>A participant of the evaluate-only workload, typed, for the hand-written code and RulesEngine.</summary>
public sealed class BenchMember
{
    public required string Id { get; init; }

    public long Points { get; init; }

    public long LifetimePoints { get; init; }

    public long Referrals { get; init; }

    public long Reviews { get; init; }

    public long Shares { get; init; }

    public long Adopted { get; init; }

    /// <summary>The tier's index: 0 bronze, 1 silver, 2 gold, 3 platinum, 4 ambassador.</summary>
    public int Tier { get; init; }
}
