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

    /// <summary>A new engine over the reopened database through the store contract, rehydrated from what it holds.</summary>
    protected override CampaignEngine Restart(IParticipantStore store, CompiledCampaign campaign) =>
        ((SqliteCampaignStore)Reopen(store, campaign)).CreateEngine();

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
