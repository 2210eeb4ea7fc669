namespace WomRules.Fuzzing.Tests;

/// <summary>
/// The short run, inside <c>dotnet test</c>: fixed seeds and a fixed number of cases, so CI is reproducible and
/// bounded. A new finding fails with its case seed; <c>dotnet run --project tests/WomRules.Fuzzing -- --replay SEED</c>
/// replays it (docs/fuzzing.md).
/// </summary>
public sealed class ShortRunTests
{
    /// <summary>Cases per seed: four seeds of this many take about a minute of the suite on two cores.</summary>
    private const int CasesPerSeed = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_seeded_run_finds_nothing_but_known_defects(int seed)
    {
        var log = new StringWriter();
        var summary = Fuzzer.Run(new FuzzOptions { Seed = seed, Cases = CasesPerSeed }, log);

        summary.NewFindings.Should().BeEmpty("every finding is a bug (replay it with its case seed):\n" + log + Report.Summary(summary, new FuzzOptions { Seed = seed }));
        summary.Cases.Should().Be(CasesPerSeed);
        summary.CasesByTarget.Values.Should().OnlyContain(n => n > CasesPerSeed / 8, "every kind of input is mutated");
        summary.BudgetChecks.Should().BeGreaterThan(CasesPerSeed / 10, "runs reach the engine and their money is checked");
        summary.RoundTrips.Should().BeGreaterThan(CasesPerSeed / 50, "compiling campaigns are converted and compared");
    }

    [Fact]
    public void A_case_seed_rebuilds_the_same_input()
    {
        var corpus = Fuzzer.Corpus;
        foreach (var seed in Enumerable.Range(0, 200).Select(i => Fuzzer.CaseSeed(7, i)))
        {
            var a = FuzzCase.Generate(seed, corpus);
            var b = FuzzCase.Generate(seed, corpus);
            (a.Target, a.Origin, a.CampaignFile).Should().Be((b.Target, b.Origin, b.CampaignFile));
            a.Campaign.Should().Equal(b.Campaign);
            a.Events.Should().Equal(b.Events);
            (a.State ?? []).Should().Equal(b.State ?? []);
        }
    }

    [Fact]
    public void Case_seeds_differ_by_run_seed_and_index()
    {
        var seeds = Enumerable.Range(1, 4).SelectMany(run => Enumerable.Range(0, 1000).Select(i => Fuzzer.CaseSeed(run, i))).ToList();
        seeds.Distinct().Should().HaveCount(seeds.Count);
    }

    [Fact]
    public void Mutations_reach_every_hostile_shape_of_issue_10()
    {
        var corpus = Fuzzer.Corpus;
        var cases = Enumerable.Range(0, 3000).Select(i => FuzzCase.Generate(Fuzzer.CaseSeed(99, i), corpus)).ToList();
        var campaigns = cases.Where(c => c.Target is FuzzTarget.YamlCampaign or FuzzTarget.DslCampaign).Select(c => c.CampaignText).ToList();
        var data = cases.Where(c => c.Target is FuzzTarget.Events or FuzzTarget.State).Select(c => System.Text.Encoding.UTF8.GetString(c.Target == FuzzTarget.State ? c.State! : c.Events)).ToList();

        campaigns.Should().Contain(t => t.Contains('\u2028', StringComparison.Ordinal), "U+2028 in campaigns");
        campaigns.Should().Contain(t => t.Contains('\u0085', StringComparison.Ordinal), "U+0085 in campaigns");
        campaigns.Should().Contain(t => t.Contains('\u001b', StringComparison.Ordinal), "ESC in campaigns");
        campaigns.Should().Contain(t => t.Contains("9223372036854775807", StringComparison.Ordinal), "long.MaxValue in campaigns");
        campaigns.Should().Contain(t => t.Contains(new string('n', 70_000), StringComparison.Ordinal), "long names");
        campaigns.Should().Contain(t => t.Contains(new string('(', 257), StringComparison.Ordinal), "deep nesting");
        data.Should().Contain(t => t.Contains("\\ud800", StringComparison.Ordinal), "lone surrogates escaped in JSON");
        data.Should().Contain(t => t.Contains("9.2e15", StringComparison.Ordinal) || t.Contains("9.3e15", StringComparison.Ordinal), "9.2e15");
        data.Should().Contain(t => t.Contains("1e30", StringComparison.Ordinal), "1e30");
        data.Should().Contain(t => t.Contains('\uFFFD', StringComparison.Ordinal), "invalid UTF-8");
        data.Should().Contain(t => t.Contains(new string('[', 1000), StringComparison.Ordinal), "deep nesting in JSON");
    }
}
