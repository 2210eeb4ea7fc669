using System.Text;
using System.Text.Json;
using CsCheck;
using WomRules.Runtime;
using WomRules.Tests.Support;
using CliTestFolder = WomRules.Tests.Support.CliTestFolder;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Properties of the state file (issue 10, defect 4): any valid state saves and loads back exactly, the saved file's
/// checksum is the one docs/semantics.md describes, any truncation or single-byte change of it is refused, and a
/// deliberate edit loads again once <c>womrules state seal</c> has run.
/// </summary>
public sealed class StateFilePropertyTests() : CliTestFolder("womrules-state-prop-")
{
    private const string Yaml = """
        womrules: 1
        campaign: ledger
        budget: { points: 1000000000000000, credit: 1000000000000.00 }
        events:
          ping: { n: int }
        participant:
          country: { type: string, default: MY }
        counters: [pings]
        tiers:
          - name: bronze
          - name: silver
            when: participant.lifetime_points >= 500
        rules:
          - { name: grant, on: ping, rewards: [ { points: event.n, counter: pings } ], limit: { count: 5 } }
        """;

    private static readonly CompiledCampaign Campaign = CampaignRunner.Compile(Yaml);

    /// <summary>Text pieces a hostile or international id is made of: quotes, backslashes, controls, line separators, pairs, combining marks.</summary>
    private static readonly Gen<string> Text = Gen.OneOf("a", "Z", "7", "-", ".", " ", "\"", "\\", "\u0001", "\u001b", "\n", "\u2028", "\u0085", "广告", "😀", "é", "e\u0301", "ｂ")
        .Array[0, 6].Select(string.Concat);

    private static readonly Gen<Participant> Participants = Gen.Select(
        Text, Gen.Long[0, 1_000_000_000_000], Gen.Long[0, 1_000_000_000_000], Gen.Long[0, 100_000_000_000], Gen.Long[0, long.MaxValue],
        Text.Array[0, 3], Gen.Bool, Gen.Long[0, 1_000_000])
        .Select(t => new Participant(t.Item1, t.Item2, t.Item2 + t.Item3, t.Item4 / 100m, t.Item5, [.. t.Item6.Distinct(StringComparer.Ordinal)], t.Item7 ? "silver" : "bronze", t.Item8));

    private static readonly Gen<Model> States = Gen.Select(Participants.Array[0, 5], Text.Array[0, 5], Gen.Long[0, 1_000_000_000_000_000], Gen.Long[0, 100_000_000_000_000])
        .Select((people, seen, points, credit) => new Model(
            [.. people.DistinctBy(p => p.Id, StringComparer.Ordinal)], [.. seen.Distinct(StringComparer.Ordinal)], points, credit / 100m));

    [Fact]
    public void Any_valid_state_saves_and_loads_back_exactly_and_the_saved_file_carries_the_documented_checksum()
    {
        States.Sample(model =>
        {
            var loaded = InMemoryParticipantStore.ReadFrom(new MemoryStream(model.ToSpecJson()), Campaign);
            AssertHolds(loaded, model);

            var saved = Save(loaded);
            Support.StateChecksum.Verifies(saved).Should().BeTrue("the checksum is the SHA-256 of the file with its digits zeroed (docs/semantics.md)");
            var reloaded = InMemoryParticipantStore.ReadFrom(new MemoryStream(saved), Campaign);
            AssertHolds(reloaded, model);
            Save(reloaded).Should().Equal(saved, "saving what was loaded gives the same bytes");
        }, iter: 200);
    }

    [Fact]
    public void Any_truncation_or_single_byte_change_of_a_saved_file_is_refused()
    {
        Gen.Select(States, Gen.Int[0, int.MaxValue], Gen.Byte).Sample((model, where, value) =>
        {
            var saved = Save(InMemoryParticipantStore.ReadFrom(new MemoryStream(model.ToSpecJson()), Campaign));

            var truncated = saved[..(where % saved.Length)];
            Refused(truncated).Should().BeTrue($"a file cut to {truncated.Length} of {saved.Length} bytes is refused");

            var changed = (byte[])saved.Clone();
            var at = where % saved.Length;
            changed[at] = value == saved[at] ? (byte)(value ^ 0x20) : value;

            // Accepted only if it still parses, validates and matches its checksum: for one changed byte, a SHA-256 collision.
            Refused(changed).Should().BeTrue($"changing byte {at} ('{(char)saved[at]}' to '{(char)changed[at]}') is detected");
        }, iter: 300);
    }

    [Fact]
    public void A_deliberate_edit_is_refused_until_state_seal_and_then_loads_with_only_the_checksum_changed()
    {
        var campaignPath = Write("c.yaml", Yaml);
        var events = Write("e.jsonl", "");
        States.Sample(model =>
        {
            var saved = Save(InMemoryParticipantStore.ReadFrom(new MemoryStream(model.ToSpecJson()), Campaign));
            var text = Encoding.UTF8.GetString(saved);
            var edited = Encoding.UTF8.GetBytes(text.Replace("\"seen_events\": [", "\"seen_events\": [\n    \"added-by-hand\"" + (model.Seen.Length > 0 ? "," : ""), StringComparison.Ordinal));
            Refused(edited).Should().BeTrue("an edit without a seal does not match the checksum");

            // CsCheck runs samples on several threads: each has its own file.
            var path = Path.Combine(Folder, $"state-{Guid.NewGuid():N}.json");
            File.WriteAllBytes(path, edited);
            var (exit, _, error) = Run("state", "seal", path, "--campaign", campaignPath);
            exit.Should().Be(0, error);

            var resealed = File.ReadAllBytes(path);
            resealed.Length.Should().Be(edited.Length, error);
            Enumerable.Range(0, edited.Length).Count(i => resealed[i] != edited[i]).Should().BeLessThanOrEqualTo(64, "seal changes only the checksum's digits");
            InMemoryParticipantStore.ReadFrom(new MemoryStream(resealed), Campaign).SeenEventIds.Should().Contain("added-by-hand");
            Run("run", campaignPath, events, "--state", path).Exit.Should().Be(0);
        }, iter: 20);
    }

    private static bool Refused(byte[] file)
    {
        try
        {
            InMemoryParticipantStore.ReadFrom(new MemoryStream(file), Campaign);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private static byte[] Save(InMemoryParticipantStore store)
    {
        using var stream = new MemoryStream();
        store.WriteTo(stream, Campaign);
        return stream.ToArray();
    }

    private static void AssertHolds(InMemoryParticipantStore store, Model model)
    {
        store.PointsIssued.Should().Be(model.PointsUsed);
        store.CreditIssued.Should().Be(model.CreditUsed);
        store.SeenEventIds.Should().BeEquivalentTo(model.Seen);
        store.Participants.Select(p => p.Id).Should().BeEquivalentTo(model.Participants.Select(p => p.Id));
        foreach (var expected in model.Participants)
        {
            var actual = store.Find(expected.Id)!;
            actual.Tier.Should().Be(expected.Tier);
            actual.Points.Should().Be(expected.Points);
            actual.LifetimePoints.Should().Be(expected.LifetimePoints);
            actual.Credit.Should().Be(expected.Credit);
            actual.CounterValues["pings"].Should().Be(expected.Pings);
            actual.Badges.Should().Equal(expected.Badges);
            actual.Attributes["country"].Should().Be(expected.Id);
            actual.LimitUsage(false).Should().ContainKey("grant").WhoseValue["campaign"].Should().Be(expected.Firings);
        }
    }

    private sealed record Participant(string Id, long Points, long LifetimePoints, decimal Credit, long Pings, string[] Badges, string Tier, long Firings);

    /// <summary>A state, written as spec §5's unversioned form (the country attribute holds the id, to carry hostile text too).</summary>
    private sealed record Model(Participant[] Participants, string[] Seen, long PointsUsed, decimal CreditUsed)
    {
        public byte[] ToSpecJson()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("participants");
                foreach (var p in Participants)
                {
                    writer.WriteStartObject(p.Id);
                    writer.WriteString("tier", p.Tier);
                    writer.WriteNumber("points", p.Points);
                    writer.WriteNumber("lifetime_points", p.LifetimePoints);
                    writer.WriteString("credit", p.Credit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteStartObject("counters");
                    writer.WriteNumber("pings", p.Pings);
                    writer.WriteEndObject();
                    writer.WriteStartArray("badges");
                    p.Badges.ToList().ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                    writer.WriteStartObject("attributes");
                    writer.WriteString("country", p.Id);
                    writer.WriteEndObject();
                    writer.WriteStartObject("limits");
                    writer.WriteStartObject("grant");
                    writer.WriteNumber("campaign", p.Firings);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteStartObject("budget_used");
                writer.WriteNumber("points", PointsUsed);
                writer.WriteString("credit", CreditUsed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                writer.WriteStartArray("seen_events");
                Seen.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }
    }
}
