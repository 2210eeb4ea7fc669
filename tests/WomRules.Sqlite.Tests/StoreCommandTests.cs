using Microsoft.Data.Sqlite;

namespace WomRules.Sqlite.Tests;

/// <summary>
/// <c>run --store</c> and <c>state export|import</c> against the plain run of the same events: every law is checked
/// against what the in-memory run with <c>--save-state</c> gives, on every example.
/// </summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("womrules-store-cli-").FullName;

    public static TheoryData<string> Examples => new(CliRun.ExampleNames);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_store_run_prints_the_plain_runs_outcomes_and_exports_its_saved_state(string example)
    {
        var (plain, saved) = PlainRun(example);
        foreach (var batch in new[] { "1", "3", "1000" })
        {
            var db = Path.Combine(folder, $"{example}-{batch}.db");
            var run = CliRun.Run("run", Campaign(example), Events(example), "--store", db, "--batch-size", batch);
            run.Exit.Should().Be(0, run.Err);
            run.Out.Should().Be(plain, $"batch size {batch}");
            Export(db).Should().Be(saved, $"the database holds what --save-state writes (batch size {batch})");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Running_the_same_file_again_applies_nothing_twice(string example)
    {
        var db = Path.Combine(folder, example + ".db");
        var first = CliRun.Run("run", Campaign(example), Events(example), "--store", db);
        var state = Export(db);
        var again = CliRun.Run("run", Campaign(example), Events(example), "--store", db);
        again.Exit.Should().Be(0, again.Err);
        var firstLines = CliRun.Lines(first.Out);
        // The applied events are the state's seen ids (an applied event may give no outcome at all).
        using var exported = System.Text.Json.JsonDocument.Parse(state);
        var applied = exported.RootElement.GetProperty("seen_events").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var againLines = CliRun.Lines(again.Out);
        againLines.Should().OnlyContain(l => IsKind(l, "duplicate") || IsKind(l, "rejected"),
            "every event already applied is a duplicate; lines rejected before are rejected again");
        againLines.Where(l => IsKind(l, "rejected")).Should().Equal(
            firstLines.Where(l => IsKind(l, "rejected") && (EventId(l) is not { } id || !applied.Contains(id))),
            "a line is rejected again unless a later line applied its id");
        againLines.Where(l => IsKind(l, "duplicate")).Select(EventId).Should().OnlyContain(id => applied.Contains(id!))
            .And.HaveCount(File.ReadAllLines(Events(example)).Select(LineId).Count(id => id is not null && applied.Contains(id)), "every line of an applied id is a duplicate");
        applied.Should().NotBeEmpty();
        Export(db).Should().Be(state, "a re-run changes nothing");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_file_split_in_two_runs_equals_one_run(string example)
    {
        var (plain, saved) = PlainRun(example);
        var lines = File.ReadAllLines(Events(example));
        for (var split = 0; split <= lines.Length; split += Math.Max(1, lines.Length / 5))
        {
            var db = Path.Combine(folder, $"{example}-split-{split}.db");
            var head = Path.Combine(folder, "head.jsonl");
            var tail = Path.Combine(folder, "tail.jsonl");
            File.WriteAllLines(head, lines[..split]);
            File.WriteAllLines(tail, lines[split..]);
            var first = CliRun.Run("run", Campaign(example), head, "--store", db, "--batch-size", "2");
            var second = CliRun.Run("run", Campaign(example), tail, "--store", db, "--batch-size", "2");
            (first.Out + second.Out).Should().Be(plain, $"split after line {split}");
            Export(db).Should().Be(saved, $"split after line {split}");
        }
    }

    [Theory]
    [InlineData("referral")]
    [InlineData("loyalty")]
    public void A_sweep_after_the_events_is_made_durable_too(string example)
    {
        var saved = Path.Combine(folder, example + "-until.json");
        var plain = CliRun.Run("run", Campaign(example), Events(example), "--until", "2027-12-31T00:00:00Z", "--save-state", saved);
        plain.Exit.Should().Be(0, plain.Err);
        foreach (var batch in new[] { "1", "4", "1000" })
        {
            var db = Path.Combine(folder, $"{example}-until-{batch}.db");
            var run = CliRun.Run("run", Campaign(example), Events(example), "--store", db, "--batch-size", batch, "--until", "2027-12-31T00:00:00Z");
            run.Out.Should().Be(plain.Out, $"batch size {batch}");
            Export(db).Should().Be(File.ReadAllText(saved), $"the sweep's effects are in the database (batch size {batch})");
        }
    }

    [Fact]
    public void Import_then_run_equals_running_from_the_state_file()
    {
        var lines = File.ReadAllLines(Events("referral"));
        var head = Path.Combine(folder, "head.jsonl");
        var tail = Path.Combine(folder, "tail.jsonl");
        File.WriteAllLines(head, lines[..10]);
        File.WriteAllLines(tail, lines[10..]);
        var state = Path.Combine(folder, "head.json");
        CliRun.Run("run", Campaign("referral"), head, "--save-state", state).Exit.Should().Be(0);
        var db = Path.Combine(folder, "imported.db");
        var import = CliRun.Run("state", "import", state, db, "--campaign", Campaign("referral"));
        import.Exit.Should().Be(0, import.Err);
        Export(db).Should().Be(File.ReadAllText(state), "import then export gives the file back");

        var fromFile = CliRun.Run("run", Campaign("referral"), tail, "--state", state, "--save-state", Path.Combine(folder, "end.json"));
        var fromStore = CliRun.Run("run", Campaign("referral"), tail, "--store", db);
        fromStore.Out.Should().Be(fromFile.Out);
        Export(db).Should().Be(File.ReadAllText(Path.Combine(folder, "end.json")));
    }

    [Fact]
    public void A_database_of_another_campaign_is_exit_2_and_left_alone()
    {
        var db = Path.Combine(folder, "referral.db");
        CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db).Exit.Should().Be(0);
        var before = Export(db);
        var run = CliRun.Run("run", Campaign("loyalty"), Events("loyalty"), "--store", db);
        run.Exit.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Err.Should().Contain("the campaign 'spring-referral', not of 'contributor-circle'");
        Export(db).Should().Be(before);
    }

    [Fact]
    public void A_database_of_a_newer_schema_is_exit_2()
    {
        var db = Path.Combine(folder, "newer.db");
        CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db).Exit.Should().Be(0);
        Execute(db, $"UPDATE womrules_schema SET version = {SqliteCampaignStore.SchemaVersion + 1}");
        var run = CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db);
        run.Exit.Should().Be(2);
        run.Err.Should().Contain($"written by a newer womrules (store schema {SqliteCampaignStore.SchemaVersion + 1})");
        var export = CliRun.Run("state", "export", db);
        export.Exit.Should().Be(2);
        export.Err.Should().Contain("newer womrules");
    }

    [Theory]
    [InlineData("garbage", "not a SQLite database")]
    [InlineData("json", "not a SQLite database")]
    [InlineData("other-sqlite", "not a womrules store")]
    [InlineData("edited-state", "the checksum does not match")]
    [InlineData("truncated", "not a SQLite database")]
    public void A_corrupt_or_foreign_file_is_exit_2_with_the_reason(string kind, string reason)
    {
        var db = Path.Combine(folder, kind + ".db");
        switch (kind)
        {
            case "garbage":
                File.WriteAllBytes(db, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 3))]);
                break;
            case "json":
                File.WriteAllText(db, "{\"participants\": {}}");
                break;
            case "other-sqlite":
                Execute(db, "CREATE TABLE t (x INTEGER)");
                break;
            case "edited-state":
                CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db).Exit.Should().Be(0);
                Execute(db, "UPDATE state SET document = CAST(replace(CAST(document AS TEXT), '\"points\": 500', '\"points\": 900') AS BLOB)");
                break;
            case "truncated":
                CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db).Exit.Should().Be(0);
                var bytes = File.ReadAllBytes(db);
                File.WriteAllBytes(db, bytes[..50]);
                break;
        }

        var run = CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db);
        run.Exit.Should().Be(2, run.Err);
        run.Out.Should().BeEmpty();
        run.Err.Should().StartWith("womrules: cannot open the store").And.Contain(reason);
    }

    [Fact]
    public void A_database_another_process_has_open_is_exit_2_and_left_alone()
    {
        var db = Path.Combine(folder, "busy.db");
        var campaign = CampaignCompilation.FromFile(Campaign("referral")).Emit().Campaign!;
        using (var holder = SqliteCampaignStore.Open(db, campaign))
        {
            var run = CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db);
            run.Exit.Should().Be(2, "a second writer would commit batches computed from a state the first has moved past");
            run.Out.Should().BeEmpty();
            run.Err.Should().Contain("in use by another process");
            holder.Checkpoint();
        }

        var after = CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db);
        after.Exit.Should().Be(0, "the lock goes with the store that held it");
        after.Out.Should().Be(PlainRun("referral").Outcomes);
    }

    [Fact]
    public void Store_and_state_together_or_a_bad_batch_size_are_usage_errors()
    {
        var db = Path.Combine(folder, "x.db");
        CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db, "--state", "s.json").Exit.Should().Be(2);
        CliRun.Run("run", Campaign("referral"), Events("referral"), "--store", db, "--batch-size", "0").Err.Should().Contain("--batch-size needs a whole number");
        CliRun.Run("run", Campaign("referral"), Events("referral"), "--batch-size", "10").Err.Should().Contain("--batch-size is for --store");
        File.Exists(db).Should().BeFalse("nothing is created on a usage error");
    }

    private (string Outcomes, string State) PlainRun(string example)
    {
        var saved = Path.Combine(folder, example + "-plain.json");
        var plain = CliRun.Run("run", Campaign(example), Events(example), "--save-state", saved);
        plain.Exit.Should().Be(0, plain.Err);
        return (plain.Out, File.ReadAllText(saved));
    }

    private static string Export(string db)
    {
        var export = CliRun.Run("state", "export", db);
        export.Exit.Should().Be(0, export.Err);
        return export.Out;
    }

    private static bool IsKind(string outcome, string kind) => outcome.StartsWith($"{{\"kind\":\"{kind}\"", StringComparison.Ordinal);

    private static string? EventId(string outcome) =>
        System.Text.Json.JsonDocument.Parse(outcome).RootElement.TryGetProperty("event", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;

    private static string? LineId(string line)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(line).RootElement.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Campaign(string example) => CliRun.Example(example, "campaign.yaml");

    private static string Events(string example) => CliRun.Example(example, "events.jsonl");
}
