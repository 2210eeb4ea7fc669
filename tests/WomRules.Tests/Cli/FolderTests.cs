using System.Text.Json;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary><c>check DIR</c> and <c>fmt --check|--write DIR</c>: which files count, their order, one report per file, the worst exit code.</summary>
public sealed class FolderTests() : CliTestFolder("womrules-folder-")
{
    private const string Clean = "womrules: 1\ncampaign: c\n\nevents:\n  e:\n    n: int\n\nbudget: { points: 10 }\n\nrules:\n  - name: r\n    on: e\n    rewards:\n      - points: 1\n";

    private string Put(string relative, string text)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A tree with campaigns at several depths, and files and folders that must not count.</summary>
    private (string[] Campaigns, string Broken) Tree()
    {
        var wom = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "referral", "campaign.wom"));
        string[] campaigns =
        [
            Put("a/campaign.yaml", Clean),
            Put("a/campaign.wom", wom),
            Put("b/nested/deeper/other.yml", Clean.Replace("campaign: c", "campaign: d")),
            Put("z.yaml", "# a comment first\ncampaign: z\nwomrules: 1\nbudget: { points: 1 }\nevents: { e: {} }\nrules:\n  - { name: r, on: e, rewards: [ { points: 1 } ] }\n"),
        ];
        var broken = Put("b/broken.yaml", Clean.Replace("points: 1\n", "points: event.nope\n"));
        Put("a/campaign.tests.yaml", "campaign: campaign.yaml\ncases: []\n");
        Put("a/events.jsonl", "{}\n");
        Put("tooling.yaml", "name: ci\non: [push]\njobs: {}\n");
        Put("bin/ignored.yaml", "womrules: 1\nthis is: [not valid\n");
        Put(".hidden/ignored.wom", "garbage");
        Put("node_modules/x/ignored.wom", "garbage");
        return ([.. campaigns.Append(broken).Order(StringComparer.Ordinal)], broken);
    }

    [Fact]
    public void Check_of_a_folder_reports_each_campaign_in_ordinal_order_as_checking_each_file_would()
    {
        var (campaigns, _) = Tree();
        var (exit, output, error) = Run("check", Folder);

        exit.Should().Be(campaigns.Select(f => Run("check", f).Exit).Max()).And.Be(1);
        output.Should().Be(string.Concat(campaigns.Select(f => Run("check", f).Out)));
        error.Should().Be(string.Concat(campaigns.Select(f => Run("check", f).Err)));
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.LastIndexOf(':')]).Should().Equal(campaigns);
    }

    [Fact]
    public void Check_of_a_clean_folder_exits_0_and_of_an_empty_one_2()
    {
        Put("one/c.yaml", Clean);
        Run("check", Folder).Exit.Should().Be(0);

        var empty = Directory.CreateDirectory(Path.Combine(Folder, "empty")).FullName;
        Put("empty/notes.yaml", "title: nothing here\n");
        var (exit, _, error) = Run("check", empty);
        exit.Should().Be(2);
        error.Should().Contain("no campaign files");
    }

    [Fact]
    public void Check_of_a_folder_as_json_is_an_array_of_the_files_documents()
    {
        var (campaigns, broken) = Tree();
        var (exit, output, _) = Run("check", Folder, "--format", "json");
        exit.Should().Be(1);
        using var document = JsonDocument.Parse(output);
        var files = document.RootElement.EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).Should().Equal(campaigns);
        foreach (var (file, path) in files.Zip(campaigns))
        {
            using var single = JsonDocument.Parse(Run("check", path, "--format", "json").Out);
            JsonElement.DeepEquals(file, single.RootElement).Should().BeTrue(path);
        }

        files.Single(f => f.GetProperty("errors").GetInt32() > 0).GetProperty("path").GetString().Should().Be(broken);
    }

    [Fact]
    public void Check_of_a_folder_as_sarif_is_one_run_with_every_files_results()
    {
        var (campaigns, broken) = Tree();
        var (exit, output, _) = Run("check", Folder, "--format", "sarif");
        exit.Should().Be(1);
        using var document = JsonDocument.Parse(output);
        var run = document.RootElement.GetProperty("runs").EnumerateArray().Single();
        var expected = campaigns.Sum(f => JsonDocument.Parse(Run("check", f, "--format", "sarif").Out).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        run.GetProperty("results").GetArrayLength().Should().Be(expected).And.BeGreaterThan(0);
        run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Should().OnlyContain(uri => uri!.EndsWith("b/broken.yaml", StringComparison.Ordinal));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        rules.Should().OnlyHaveUniqueItems();
        run.GetProperty("results").EnumerateArray().Select(r => rules[r.GetProperty("ruleIndex").GetInt32()]).Should()
            .Equal(run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
        broken.Should().NotBeNull();
    }

    [Fact]
    public void Fmt_check_and_write_take_folders()
    {
        Tree();
        File.Delete(Path.Combine(Folder, "b", "broken.yaml"));
        var messy = Put("b/messy.wom", "campaign   c\nbudget 10 points\nevent e\n  n:int\nrule r on e\n    when event.n>1\n    reward 1 points\n");
        var untouched = Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Where(f => f != messy).ToDictionary(f => f, File.ReadAllText);

        var (exit, output, _) = Run("fmt", "--check", Folder);
        exit.Should().Be(1);
        var notFormatted = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(": not formatted", StringComparison.Ordinal)]).ToList();
        notFormatted.Should().Contain(messy).And.BeInAscendingOrder(StringComparer.Ordinal);

        Run("fmt", "--write", Folder).Exit.Should().Be(0);
        var (after, afterOutput, _) = Run("fmt", "--check", Folder);
        afterOutput.Should().BeEmpty();
        after.Should().Be(0);
        foreach (var (path, text) in untouched.Where(f => !notFormatted.Contains(f.Key)))
        {
            File.ReadAllText(path).Should().Be(text, "{0} was formatted already or is not a campaign", path);
        }
    }

    [Fact]
    public void Fmt_of_a_folder_without_check_or_write_is_bad_usage()
    {
        Put("c.yaml", Clean);
        var (exit, output, error) = Run("fmt", Folder);
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("a folder needs --check or --write");
    }

    [Fact]
    public void A_folder_link_is_not_followed_so_a_loop_ends()
    {
        Put("real/c.yaml", Clean);
        Directory.CreateSymbolicLink(Path.Combine(Folder, "real", "loop"), Path.Combine(Folder, "real"));
        var (exit, _, error) = Run("check", Folder);
        exit.Should().Be(0);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }
}
