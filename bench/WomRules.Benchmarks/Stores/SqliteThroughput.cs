using System.Diagnostics;
using System.Globalization;
using System.Text;
using WomRules.Runtime;
using WomRules.Sqlite;

namespace WomRules.Benchmarks.Stores;

/// <summary>
/// Events per second through the SQLite store (issue 13; figures in docs/performance.md): the referral example on
/// generated events, in memory, then through a database checkpointed every 1, 100 and 10,000 events (synchronous FULL,
/// the default, and NORMAL), journaling each batch's lines as run --store does (a full state write every 50,000 lines
/// and at the end). Each configuration runs on a new database; batch size 1 runs the first 20,000 events only. Run: dotnet run -c Release --project bench/WomRules.Benchmarks -- --sqlite [events]
/// </summary>
internal static class SqliteThroughput
{
    public static int Run(string[] args)
    {
        var count = args.SkipWhile(a => a != "--sqlite").Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        count = count > 0 ? count : 100_000;
        var path = Path.Combine(FindRoot(), "examples", "referral", "campaign.yaml");
        var campaign = CampaignCompilation.FromFile(path).Emit().Campaign ?? throw new InvalidOperationException("the referral example does not compile");
        var lines = Generate(count);
        var folder = Directory.CreateTempSubdirectory("womrules-bench-").FullName;
        try
        {
            Console.WriteLine($"{count:N0} referral events; {Environment.ProcessorCount} cores");
            Console.WriteLine("| store | batch | sync | events | seconds | events/s | checkpoints | database MB |");
            Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            Measure("in-memory", 0, null, lines, campaign, folder);
            foreach (var durability in new[] { SqliteDurability.Full, SqliteDurability.Normal })
            {
                Measure("sqlite", 1, durability, lines[..Math.Min(lines.Length, 20_000)], campaign, folder);
                Measure("sqlite", 100, durability, lines, campaign, folder);
                Measure("sqlite", 10_000, durability, lines, campaign, folder);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void Measure(string name, int batch, SqliteDurability? durability, string[] lines, CompiledCampaign campaign, string folder)
    {
        var outcomes = new List<Outcome>();
        var clock = Stopwatch.StartNew();
        long checkpoints = 0;
        double megabytes = 0;
        if (durability is not { } sync)
        {
            var engine = new CampaignEngine(campaign);
            foreach (var line in lines)
            {
                engine.ProcessJson(Encoding.UTF8.GetBytes(line), outcomes);
                outcomes.Clear();
            }
        }
        else
        {
            var db = Path.Combine(folder, $"b{batch}-{sync}.db");
            using (var store = SqliteCampaignStore.Open(db, campaign, new SqliteStoreOptions { Durability = sync }))
            {
                // As run --store does: the engine over the store's in-memory state, each batch's lines journaled.
                var engine = new CampaignEngine(campaign, store.State);
                var pending = new List<byte[]>();
                foreach (var line in lines)
                {
                    var bytes = Encoding.UTF8.GetBytes(line);
                    engine.ProcessJson(bytes, outcomes);
                    pending.Add(bytes);
                    if (pending.Count == batch)
                    {
                        store.CommitLines(pending, outcomes);
                        outcomes.Clear();
                        pending.Clear();
                    }
                }

                store.Checkpoint(outcomes);
                checkpoints = store.Checkpoints;
            }

            megabytes = new FileInfo(db).Length / 1048576.0;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(batch == 0 ? "-" : batch.ToString("N0", CultureInfo.InvariantCulture))} | {durability?.ToString() ?? "-"} | {lines.Length:N0} | {seconds:0.00} | {lines.Length / seconds:N0} | {checkpoints:N0} | {megabytes:0.0} |"));
    }

    /// <summary>Referrals and verifications among 3,000 actors and 400 referrers, five minutes apart, as the kill test's.</summary>
    private static string[] Generate(int count)
    {
        var random = new Random(13);
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(i * 50).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{{\"id\": \"e-{i}\", \"at\": \"{at}\", ");
            if (random.Next(100) < 30)
            {
                line.Append(CultureInfo.InvariantCulture, $"\"type\": \"account.verified\", \"actor\": \"u{random.Next(3000)}\", \"attributes\": {{\"device_id\": \"d{random.Next(800)}\"}}}}");
            }
            else
            {
                var total = (random.Next(500, 30000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                line.Append(CultureInfo.InvariantCulture,
                    $"\"type\": \"referral.converted\", \"actor\": \"u{random.Next(3000)}\", \"referrer\": \"u{random.Next(400)}\", \"attributes\": {{\"order_total\": {total}, \"device_id\": \"d{random.Next(800)}\"}}}}");
            }

            lines[i] = line.ToString();
        }

        return lines;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WomRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find WomRules.sln above " + AppContext.BaseDirectory);
    }
}
