using System.Text;
using WomRules.Runtime;
using WomRules.Sqlite;

namespace WomRules.Hosting;

/// <summary>
/// The SQLite store (docs/sqlite.md): the engine runs over the database's in-memory state, and each request's lines go
/// to its journal in one transaction. A batch is rolled back by reading the state back from the database.
/// </summary>
internal sealed class SqliteCampaignState : CampaignState
{
    private readonly string path;
    private CompiledCampaign campaign;
    private SqliteCampaignStore database;
    private CampaignEngine engine;

    public SqliteCampaignState(string path, CompiledCampaign campaign)
    {
        this.path = path;
        this.campaign = campaign;
        database = SqliteCampaignStore.Open(path, campaign);
        engine = new CampaignEngine(campaign, database.State);
    }

    public override CampaignEngine Engine => engine;

    public override long PointsIssued => database.State.PointsIssued;

    public override decimal CreditIssued => database.State.CreditIssued;

    public override void Begin(int events)
    {
    }

    public override void Commit(ReadOnlySpan<string> lines)
    {
        // The journal holds the lines the engine evaluated; blank ones were skipped.
        var utf8 = new List<byte[]>(lines.Length);
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                utf8.Add(Encoding.UTF8.GetBytes(line));
            }
        }

        try
        {
            database.CommitLines(utf8);
        }
        catch
        {
            // The store has read its state back from the database; the engine must run over that one.
            engine = new CampaignEngine(campaign, database.State);
            throw;
        }
    }

    public override void Rollback()
    {
        database.AbandonBatch();
        engine = new CampaignEngine(campaign, database.State);
    }

    public override void SwitchTo(CompiledCampaign next)
    {
        // Check that the state fits the next version before touching the database.
        Deserialize(Serialize(database.State, campaign), next);

        // Fold the journal into the stored state first: its lines must never be replayed by another version's rules.
        database.Checkpoint();
        database.Dispose();
        try
        {
            database = SqliteCampaignStore.Open(path, next);
            campaign = next;
        }
        catch
        {
            database = SqliteCampaignStore.Open(path, campaign);
            engine = new CampaignEngine(campaign, database.State);
            throw;
        }

        engine = new CampaignEngine(next, database.State);
    }

    public override void Dispose()
    {
        try
        {
            // Fold the journal in on a clean stop, so that a campaign edited while the host is down never replays it.
            database.Checkpoint();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The journal keeps the lines; the next start replays them.
        }

        database.Dispose();
    }
}
