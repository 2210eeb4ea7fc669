using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// A campaign's engine and the store under it, as the runtime drives them: used only under the campaign's lock.
/// A request is begun, its events evaluated by <see cref="Engine"/>, then committed, or rolled back when a batch
/// had a rejected line (all or nothing).
/// </summary>
internal abstract class CampaignState : IDisposable
{
    public abstract CampaignEngine Engine { get; }

    public abstract long PointsIssued { get; }

    public abstract decimal CreditIssued { get; }

    /// <summary>Before a request of <paramref name="events"/> events: remember what a rollback must return to.</summary>
    public abstract void Begin(int events);

    /// <summary>Makes the request's events durable (the SQLite journal); throws when the store fails, having reset the engine.</summary>
    public abstract void Commit(ReadOnlySpan<string> lines);

    /// <summary>Returns to the state before <see cref="Begin"/> (only for requests of more than one event).</summary>
    public abstract void Rollback();

    /// <summary>
    /// Moves the state to an engine for <paramref name="next"/> (hot reload): the state is written as a state file for
    /// the running version and read back for the next, so participants, ledger, budgets, seen ids and the clock carry
    /// over. Throws <see cref="InvalidDataException"/> (nothing changed) when the state does not fit the next version.
    /// </summary>
    public abstract void SwitchTo(CompiledCampaign next);

    public abstract void Dispose();

    protected static byte[] Serialize(InMemoryParticipantStore store, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream();
        store.WriteTo(stream, campaign);
        return stream.ToArray();
    }

    protected static InMemoryParticipantStore Deserialize(byte[] state, CompiledCampaign campaign)
    {
        using var stream = new MemoryStream(state, writable: false);
        return InMemoryParticipantStore.ReadFrom(stream, campaign);
    }
}
