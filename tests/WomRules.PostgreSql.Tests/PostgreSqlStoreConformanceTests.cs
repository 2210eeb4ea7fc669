using System.Runtime.CompilerServices;
using WomRules.Runtime;
using WomRules.StoreConformance;

namespace WomRules.PostgreSql.Tests;

/// <summary>The store conformance suite against <see cref="PostgreSqlParticipantStore"/> on a real server, each store on its own empty schema.</summary>
public sealed class PostgreSqlStoreConformanceTests : StoreConformanceTests, IDisposable
{
    private static readonly ConditionalWeakTable<IParticipantStore, string> Databases = [];

    // Closed after each test: the suite drops its stores without disposing them, and each holds a server connection.
    private readonly List<PostgreSqlParticipantStore> opened = [];

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }
    }

    protected override IParticipantStore CreateStore(CompiledCampaign campaign) => Open(campaign, PostgresServer.NewDatabase());

    protected override IParticipantStore Reopen(IParticipantStore store, CompiledCampaign campaign)
    {
        var database = Databases.TryGetValue(store, out var found) ? found : throw new InvalidOperationException("not a store of this suite");
        ((PostgreSqlParticipantStore)store).Dispose();
        return Open(campaign, database);
    }

    protected override CampaignEngine Restart(IParticipantStore store, CompiledCampaign campaign) =>
        ((PostgreSqlParticipantStore)Reopen(store, campaign)).Rehydrate();

    private PostgreSqlParticipantStore Open(CompiledCampaign campaign, string database)
    {
        var store = PostgreSqlParticipantStore.Open(campaign, database);
        Databases.Add(store, database);
        opened.Add(store);
        return store;
    }
}
