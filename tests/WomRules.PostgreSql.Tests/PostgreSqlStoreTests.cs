using Npgsql;
using WomRules.Runtime;
using WomRules.StoreConformance;

namespace WomRules.PostgreSql.Tests;

/// <summary>
/// What the PostgreSQL store refuses when two stores (two hosts) share a campaign, and the database checks on opening
/// (docs/postgresql.md). Each race is played out step by step on two connections, so it is the same every run.
/// </summary>
public sealed class PostgreSqlStoreTests
{
    private static readonly CompiledCampaign Campaign = ConformanceEvents.Compile();

    [Fact]
    public void A_commit_that_would_pass_the_budget_after_another_hosts_commit_is_refused_and_applies_nothing()
    {
        var database = PostgresServer.NewDatabase();
        using var first = PostgreSqlParticipantStore.Open(Campaign, database);
        using var second = PostgreSqlParticipantStore.Open(Campaign, database);
        first.PointsIssued.Should().Be(0);
        second.PointsIssued.Should().Be(0, "both hosts read the same total before either commits");

        first.Commit(Change("e-1", 15_000, ("u-1", 15_000)));
        var refused = () => second.Commit(Change("e-2", 6_000, ("u-2", 6_000)));

        refused.Should().Throw<InvalidOperationException>().WithMessage("*budget*");
        using var reader = PostgreSqlParticipantStore.Open(Campaign, database);
        reader.PointsIssued.Should().Be(15_000);
        reader.HasSeenEvent("e-2").Should().BeFalse("nothing of a refused change is applied");
        reader.Find("u-2").Should().BeNull();
    }

    [Fact]
    public void The_same_event_committed_by_two_hosts_is_applied_once()
    {
        var database = PostgresServer.NewDatabase();
        using var first = PostgreSqlParticipantStore.Open(Campaign, database);
        using var second = PostgreSqlParticipantStore.Open(Campaign, database);
        first.HasSeenEvent("e-1").Should().BeFalse();
        second.HasSeenEvent("e-1").Should().BeFalse();

        first.Commit(Change("e-1", 100, ("u-1", 100)));
        var again = () => second.Commit(Change("e-1", 100, ("u-3", 100)));

        again.Should().Throw<InvalidOperationException>().WithMessage("*already applied*");
        using var reader = PostgreSqlParticipantStore.Open(Campaign, database);
        reader.PointsIssued.Should().Be(100);
        reader.Find("u-3").Should().BeNull();
    }

    [Fact]
    public void A_participant_two_hosts_both_read_as_new_is_made_by_one_and_the_others_change_is_refused_whole()
    {
        var database = PostgresServer.NewDatabase();
        using var first = PostgreSqlParticipantStore.Open(Campaign, database);
        using var second = PostgreSqlParticipantStore.Open(Campaign, database);
        first.Find("u-1").Should().BeNull();
        second.Find("u-1").Should().BeNull();

        first.Commit(Change("e-1", 100, ("u-1", 100)));
        var lost = () => second.Commit(Change("e-2", 200, ("u-1", 200)));

        lost.Should().Throw<InvalidOperationException>().WithMessage("*send the event again*");
        using var reader = PostgreSqlParticipantStore.Open(Campaign, database);
        reader.Find("u-1")!.Points.Should().Be(100);
        reader.PointsIssued.Should().Be(100);
        reader.HasSeenEvent("e-2").Should().BeFalse();
    }

    [Fact]
    public void A_pending_grant_released_by_one_host_cannot_be_released_again_by_another()
    {
        var database = PostgresServer.NewDatabase();
        using var first = PostgreSqlParticipantStore.Open(Campaign, database);
        using var second = PostgreSqlParticipantStore.Open(Campaign, database);
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        first.Commit(new StateChange("e-1", [], 0, 0m) { PendingAdded = [new PendingGrantSnapshot(7, at.AddDays(30), "e-1", "referral", "u-1", 500, null)] });

        second.Commit(new StateChange(null, [], 0, 0m) { PendingRemoved = [7] });
        var twice = () => first.Commit(new StateChange(null, [], 0, 0m) { PendingRemoved = [7] });

        twice.Should().Throw<InvalidOperationException>().WithMessage("*already released*");
    }

    [Fact]
    public void Opening_a_database_of_another_campaign_or_a_newer_schema_is_a_clear_error()
    {
        var database = PostgresServer.NewDatabase();
        PostgreSqlParticipantStore.Open(Campaign, database).Dispose();
        var other = CampaignCompilation.Create(ConformanceEvents.Yaml.Replace("campaign: store-conformance", "campaign: another", StringComparison.Ordinal), "other.yaml").Emit().Campaign!;

        var wrongCampaign = () => PostgreSqlParticipantStore.Open(other, database);
        wrongCampaign.Should().Throw<InvalidOperationException>().WithMessage("*holds campaign 'store-conformance', not 'another'*");

        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"UPDATE womrules_schema SET version = {PostgreSqlSchema.Version + 1}", connection);
            command.ExecuteNonQuery();
        }

        var newer = () => PostgreSqlParticipantStore.Open(Campaign, database);
        newer.Should().Throw<InvalidOperationException>().WithMessage($"*schema is version {PostgreSqlSchema.Version + 1}, newer*");
    }

    [Fact]
    public void A_server_that_cannot_be_reached_fails_the_tests_saying_how_to_start_one()
    {
        var unreachable = () => PostgresServer.Reachable("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", "WOMRULES_POSTGRES is set");

        unreachable.Should().Throw<InvalidOperationException>().WithMessage("*cannot be reached*eng/postgres.sh start*");
    }

    private static StateChange Change(string eventId, long points, (string Id, long Points) participant) =>
        new(eventId, [ParticipantState.FromSnapshot(Campaign, new ParticipantSnapshot(participant.Id) { Points = participant.Points, LifetimePoints = participant.Points })], points, 0m)
        {
            At = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            PointsBudget = 20_000,
            CreditBudget = 300m,
        };
}
