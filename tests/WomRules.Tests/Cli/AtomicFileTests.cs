using WomRules.Cli;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>
/// Issue 10, "stale temporary files": a run killed while saving leaves <c>.NAME.GUID.tmp</c> beside the state file; the
/// next save removes the stale ones of that target, and only those.
/// </summary>
public sealed class AtomicFileTests() : CliTestFolder("womrules-atomic-")
{
    private static readonly DateTime LongAgo = DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(5);

    [Fact]
    public void The_next_save_removes_stale_temporary_files_of_its_target_and_nothing_else()
    {
        var campaign = Write("c.yaml", MalformedStateFileTests.Campaign);
        var events = Write("e.jsonl", """{"id": "e-1", "type": "ping", "at": "2026-03-02T10:00:00Z", "actor": "u-1", "attributes": {"n": 5}}""");
        var stale = new[] { Temporary(".state.json.", LongAgo), Temporary(".state.json.", LongAgo) };
        var kept = new[]
        {
            Temporary(".state.json.", DateTime.UtcNow),          // a writer may be about to lock it, or have just let go
            Temporary(".other.json.", LongAgo),                  // another target's
            Temporary("state.json.", LongAgo),                   // not the pattern: no leading dot
            Old(".state.json.not-a-guid.tmp"),
            Old(".state.json." + new string('A', 32) + ".tmp"), // upper-case hex is not what we write
            Old(".state.json." + new string('a', 32) + ".tmp.bak"),
        };
        var held = Temporary(".state.json.", LongAgo);

        // A live writer holds its temporary file locked (FileShare.None): old or not, it is never removed.
        using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var (exit, _, error) = Run("run", campaign, events, "--save-state", Path.Combine(Folder, "state.json"));
            exit.Should().Be(0, error);
        }

        stale.Should().AllSatisfy(path => File.Exists(path).Should().BeFalse($"{Path.GetFileName(path)} is stale"));
        kept.Should().AllSatisfy(path => File.Exists(path).Should().BeTrue($"{Path.GetFileName(path)} is not a stale temporary file of state.json"));
        File.Exists(held).Should().BeTrue("a locked temporary file belongs to a live writer");
        Run("run", campaign, events, "--state", Path.Combine(Folder, "state.json")).Exit.Should().Be(0);
    }

    [Fact]
    public void A_save_leaves_no_temporary_file_of_its_own()
    {
        var path = Path.Combine(Folder, "out.json");
        AtomicFile.Write(path, stream => stream.Write("{}"u8));
        File.ReadAllText(path).Should().Be("{}");
        Directory.GetFiles(Folder).Should().Equal(path);
    }

    private string Temporary(string prefix, DateTime modified) => Old(prefix + Guid.NewGuid().ToString("N") + ".tmp", modified);

    private string Old(string name) => Old(name, LongAgo);

    private string Old(string name, DateTime modified)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, "{\"partial\": ");
        File.SetLastWriteTimeUtc(path, modified);
        return path;
    }
}
