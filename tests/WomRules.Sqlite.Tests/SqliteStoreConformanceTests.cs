using WomRules.Runtime;
using WomRules.StoreConformance;

namespace WomRules.Sqlite.Tests;

/// <summary>The store conformance suite against the real SQLite: a file per store, reopened by closing and opening it again.</summary>
public sealed class SqliteStoreConformanceTests : StoreConformanceTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("womrules-sqlite-").FullName;
    private readonly List<SqliteCampaignStore> opened = [];
    private int files;

    protected override IParticipantStore CreateStore(CompiledCampaign campaign) =>
        Track(SqliteCampaignStore.Open(Path.Combine(folder, $"store-{files++}.db"), campaign, new SqliteStoreOptions { Durability = SqliteDurability.Normal }));

    /// <summary>
    /// Not yet: the store's contract path (<see cref="IParticipantStore.Commit"/>) keeps participants, seen ids and the
    /// budget, not the ledger entries, pending grants and clock a change now carries; `run --store` resumes exactly by
    /// its own path (the state and the journal), which the CLI and kill tests check.
    /// </summary>
    protected override bool CanRestartWithNewEngine => false;

    protected override CampaignEngine Restart(IParticipantStore store, CompiledCampaign campaign) =>
        new(campaign, ((SqliteCampaignStore)Reopen(store, campaign)).State);

    protected override IParticipantStore Reopen(IParticipantStore store, CompiledCampaign campaign)
    {
        var sqlite = (SqliteCampaignStore)store;
        var path = sqlite.Path;
        sqlite.Dispose();
        return Track(SqliteCampaignStore.Open(path, campaign));
    }

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        Directory.Delete(folder, recursive: true);
    }

    private SqliteCampaignStore Track(SqliteCampaignStore store)
    {
        opened.Add(store);
        return store;
    }
}
