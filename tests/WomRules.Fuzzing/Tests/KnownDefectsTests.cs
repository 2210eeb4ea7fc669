namespace WomRules.Fuzzing.Tests;

/// <summary>No finding is excused: issue 10's defects are fixed, and the list of known defects stays empty until a new one has an issue.</summary>
public sealed class KnownDefectsTests
{
    [Fact]
    public void Issue_10s_defects_are_no_longer_excused()
    {
        KnownDefects.All.Should().BeEmpty("every defect of issue 10 is fixed, so the fuzzer must report any finding");
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
