namespace WomRules.Fuzzing.Tests;

/// <summary>The list of known defects stays a list of issue 10's defects, each entry narrow.</summary>
public sealed class KnownDefectsTests
{
    [Fact]
    public void Every_entry_names_a_defect_of_issue_10_and_says_what_it_covers()
    {
        KnownDefects.All.Select(k => k.Defect).Should().OnlyContain(d => d >= 1 && d <= 10);
        KnownDefects.All.Select(k => k.Summary).Should().OnlyHaveUniqueItems().And.OnlyContain(s => s.Length > 20);
    }

    [Fact]
    public void A_finding_outside_every_known_shape_is_new()
    {
        var plain = new FuzzCase(1, FuzzTarget.YamlCampaign, "examples/referral", "campaign.yaml", "womrules: 1\ncampaign: x\n"u8.ToArray(), [], null);
        foreach (var property in Properties.All)
        {
            var finding = new Finding(property, "womrules check campaign.yaml", "something else broke");
            KnownDefects.All.Where(k => k.Covers(plain, finding)).Should().BeEmpty($"a plain input breaking {property} is no known defect");
        }

        KnownDefects.All.Where(k => k.Skips?.Invoke(plain) == true).Should().BeEmpty();
    }
}
