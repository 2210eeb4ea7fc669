using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WomRules.Diagnostics;
using WomRules.Text;
using WomRules.Runtime;

namespace WomRules.Hosting;

/// <summary>
/// The <see cref="ICampaignRuntime"/> behind <c>AddWomRules</c>: one <see cref="CampaignSlot"/> per campaign, each with
/// its own async lock; hot reload compiles off the lock and swaps under it.
/// </summary>
internal sealed class CampaignRuntime : ICampaignRuntime, IDisposable
{
    private readonly WomRulesOptions options;
    private readonly ILogger logger;
    private readonly WomRulesMetrics metrics;
    private readonly RequestEvaluator evaluator;
    private readonly string contentRoot;
    private readonly List<CampaignFileWatcher> watchers = [];
    private readonly SemaphoreSlim startGate = new(1, 1);
    // Built once at start (a reload keeps the id), then only read: frozen, so a lookup per request costs little.
    private FrozenDictionary<string, CampaignSlot> byId = FrozenDictionary<string, CampaignSlot>.Empty;
    private IReadOnlyList<CampaignSlot> slots = [];
    private volatile bool started;
    private volatile bool stopped;
    private int disposed;

    public CampaignRuntime(IOptions<WomRulesOptions> options, ILogger<CampaignRuntime> logger, WomRulesMetrics metrics, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        this.metrics = metrics;
        evaluator = new RequestEvaluator(logger, metrics);
        contentRoot = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
    }

    public IReadOnlyList<CampaignInfo> Campaigns
    {
        get
        {
            var list = slots;
            var infos = new CampaignInfo[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                infos[i] = list[i].Current.Info;
            }

            return infos;
        }
    }

    public CampaignInfo? FindCampaign(string campaignId)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        return byId.GetValueOrDefault(campaignId)?.Current.Info;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!started)
            {
                Load();
                started = true;
            }
        }
        finally
        {
            startGate.Release();
        }
    }

    public async Task StopAsync()
    {
        await startGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (stopped || !started)
            {
                return;
            }

            stopped = true;
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }

            // Wait for the request in flight on each campaign, then close its store.
            foreach (var slot in slots)
            {
                // Requests waiting behind it then see the runtime stopped.
                await slot.Gate.EnterAsync().ConfigureAwait(false);
                try
                {
                    slot.State.Dispose();
                }
                finally
                {
                    slot.Gate.Exit();
                }
            }
        }
        finally
        {
            startGate.Release();
        }
    }

    // Called by the container once per registration that resolved it (the runtime and ICampaignRuntime): idempotent.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            StopAsync().GetAwaiter().GetResult();
        }
    }

    public ValueTask<CampaignResult> ProcessJsonAsync(string campaignId, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Run<CampaignResult, OneEvent>(Slot(campaignId), new OneEvent(json), cancellationToken);
    }

    public ValueTask<CampaignInfo> ProcessJsonIntoAsync(string campaignId, string json, ICollection<Outcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(outcomes);
        return Run<CampaignInfo, OneEventInto>(Slot(campaignId), new OneEventInto(json, outcomes), cancellationToken);
    }

    public ValueTask<CampaignResult> ProcessJsonLinesAsync(string campaignId, IReadOnlyList<string> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var slot = Slot(campaignId);
        if (lines.Count > options.MaxBatchEvents)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the batch has {lines.Count} lines, more than the limit of {options.MaxBatchEvents} (WomRules:MaxBatchEvents)"), nameof(lines));
        }

        return Run<CampaignResult, Batch>(slot, new Batch(lines), cancellationToken);
    }

    // Async, so a bad argument or an unknown campaign comes back in the returned task, as it always has here.
    public async ValueTask<ParticipantSnapshot?> GetParticipantAsync(string campaignId, string participantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        return await Run<ParticipantSnapshot?, ParticipantRead>(Slot(campaignId), new ParticipantRead(participantId), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CampaignInfo> ReloadAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var slot = Slot(campaignId);
        await ReloadOneAtATimeAsync(slot, cancellationToken).ConfigureAwait(false);
        return slot.Current.Info;
    }

    private static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>
    /// Compiles a source, with the text it compiled (for the content hash). A file goes through
    /// <see cref="CampaignCompilation.FromFile"/>, which also turns an unreadable or oversized file into its diagnostic
    /// (with no text).
    /// </summary>
    private static (CampaignCompilation Compilation, string Text) Compile(CampaignSourceOptions source, string? path)
    {
        var compilation = path is null
            ? CampaignCompilation.Create(source.Text!, options: source.Format is { } format ? new CompilationOptions { Format = format } : null)
            : CampaignCompilation.FromFile(path);
        return (compilation, compilation.Source.Text);
    }

    private static CampaignInfo Info(CompiledCampaign campaign, long revision, string contentHash, string? path) =>
        new(campaign.Id, revision, contentHash, path, campaign.Rules);

    /// <summary>The running campaign's slot (for the benchmarks and the tests).</summary>
    internal CampaignSlot SlotFor(string campaignId) => Slot(campaignId);

    private CampaignSlot Slot(string campaignId)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        if (!started)
        {
            throw new InvalidOperationException("The campaigns are not loaded yet: the host has not started (WomRules loads them in a hosted service).");
        }

        return byId.TryGetValue(campaignId, out var slot)
            ? slot
            : throw new KeyNotFoundException($"no campaign '{MessageText.Escape(campaignId)}' is running");
    }

    private void ThrowIfStopped()
    {
        if (stopped)
        {
            throw new ObjectDisposedException(nameof(ICampaignRuntime), "The host has stopped.");
        }
    }

    private void Load()
    {
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        var compiled = new List<(CampaignSourceOptions Source, string? Path, CompiledCampaign Campaign, string Text)>();
        foreach (var source in options.Campaigns)
        {
            var path = string.IsNullOrWhiteSpace(source.Path) ? null : System.IO.Path.GetFullPath(source.Path, contentRoot);
            var (compilation, text) = Compile(source, path);
            var emit = compilation.Emit();
            foreach (var diagnostic in emit.Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    errors.Add(diagnostic);
                    WomRulesLog.StartupDiagnostic(logger, diagnostic.ToString());
                }
                else
                {
                    // A warning does not stop the start, but the operator should see it (womrules check shows it too).
                    WomRulesLog.CampaignWarning(logger, diagnostic.ToString());
                }
            }

            if (emit.Campaign is { } campaign)
            {
                compiled.Add((source, path, campaign, text));
            }
        }

        if (errors.Count > 0)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"the campaigns have {errors.Count} error(s), logged above");
            WomRulesLog.StartupFailed(logger, reason);
            throw new CampaignLoadException("WomRules cannot start: " + reason + ".", errors.ToImmutable());
        }

        var loaded = new List<CampaignSlot>();
        var index = new Dictionary<string, CampaignSlot>(StringComparer.Ordinal);
        try
        {
            foreach (var (source, path, campaign, text) in compiled)
            {
                if (index.ContainsKey(campaign.Id))
                {
                    Fail($"two campaigns have the id '{MessageText.Escape(campaign.Id)}'");
                }

                var slot = new CampaignSlot(new CampaignVersion(campaign, Info(campaign, 1, Hash(text), path)), OpenState(campaign), source, path);
                loaded.Add(slot);
                index.Add(campaign.Id, slot);
            }
        }
        catch
        {
            foreach (var slot in loaded)
            {
                slot.Dispose();
            }

            throw;
        }

        slots = loaded;
        byId = index.ToFrozenDictionary(StringComparer.Ordinal);
        metrics.Track(loaded);
        foreach (var slot in loaded)
        {
            var info = slot.Current.Info;
            WomRulesLog.CampaignLoaded(logger, info.Id, info.Path ?? "text", info.Revision, info.ContentHash);
            if (options.HotReload && slot.Path is not null)
            {
                try
                {
                    watchers.Add(new CampaignFileWatcher(slot.Path, options.ReloadDelay, () => ReloadFromWatcherAsync(slot)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
                {
                    // No watcher (e.g. the system's inotify limit reached): the campaign runs, without hot reload.
                    WomRulesLog.HotReloadUnavailable(logger, info.Id, slot.Path, MessageText.Escape(ex.Message));
                }
            }
        }
    }

    /// <summary>Tests replace the state (e.g. with one whose store fails); null: the configured store.</summary>
    internal Func<CompiledCampaign, CampaignState>? StateFactory { get; set; }

    private CampaignState OpenState(CompiledCampaign campaign)
    {
        if (StateFactory is { } factory)
        {
            return factory(campaign);
        }

        if (options.Store == WomRulesStoreKind.InMemory)
        {
            return new InMemoryCampaignState(campaign);
        }

        // The id names the database file: refuse one that would name another folder or a hidden file.
        if (campaign.Id.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || campaign.Id.Contains('\\', StringComparison.Ordinal) || campaign.Id.StartsWith('.'))
        {
            Fail($"the campaign id '{MessageText.Escape(campaign.Id)}' cannot name a database file");
        }

        var directory = System.IO.Path.GetFullPath(options.SqliteDirectory!, contentRoot);
        var path = System.IO.Path.Combine(directory, campaign.Id + ".db");
        try
        {
            Directory.CreateDirectory(directory);
            return new SqliteCampaignState(path, campaign);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var reason = $"cannot open the store '{MessageText.EscapePath(path)}': {MessageText.Escape(ex.Message)}";
            WomRulesLog.StartupFailed(logger, reason);
            throw new CampaignLoadException("WomRules cannot start: " + reason, ex);
        }
    }

    private void Fail(string reason)
    {
        WomRulesLog.StartupFailed(logger, reason);
        throw new CampaignLoadException("WomRules cannot start: " + reason + ".");
    }

    private async Task ReloadFromWatcherAsync(CampaignSlot slot)
    {
        try
        {
            await ReloadOneAtATimeAsync(slot, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while the reload waited.
        }
    }

    /// <summary>A reload after any other of the same campaign (a file event and an explicit reload) has finished.</summary>
    private async Task ReloadOneAtATimeAsync(CampaignSlot slot, CancellationToken cancellationToken)
    {
        await slot.ReloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReloadCoreAsync(slot, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot.ReloadGate.Release();
        }
    }

    /// <summary>Compiles the file off the lock; swaps under it, between two requests.</summary>
    private async Task ReloadCoreAsync(CampaignSlot slot, CancellationToken cancellationToken)
    {
        if (slot.Path is null || stopped)
        {
            return;
        }

        var running = slot.Current;
        var (compilation, text) = Compile(slot.Source, slot.Path);
        var source = slot.Path;
        var contentHash = Hash(text);
        if (text.Length > 0 && contentHash == running.Info.ContentHash)
        {
            return;
        }

        var emit = compilation.Emit();
        if (emit.Campaign is not { } next)
        {
            var errors = 0;
            foreach (var diagnostic in emit.Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    errors++;
                    WomRulesLog.ReloadDiagnostic(logger, diagnostic.ToString());
                }
            }

            WomRulesLog.ReloadFailed(logger, running.Info.Id, source, running.Info.Revision, string.Create(CultureInfo.InvariantCulture, $"it has {errors} error(s)"));
            return;
        }

        if (next.Id != running.Info.Id)
        {
            WomRulesLog.ReloadFailed(logger, running.Info.Id, source, running.Info.Revision, $"it renames the campaign to '{MessageText.Escape(next.Id)}' (restart the host to rename a campaign)");
            return;
        }

        await slot.Gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (stopped)
            {
                return;
            }

            running = slot.Current;
            try
            {
                slot.State.SwitchTo(next);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                WomRulesLog.ReloadFailed(logger, running.Info.Id, source, running.Info.Revision, "the state does not fit it: " + MessageText.Escape(ex.Message));
                return;
            }

            var info = Info(next, running.Info.Revision + 1, contentHash, slot.Path);
            slot.Current = new CampaignVersion(next, info);
            slot.PublishIssued(force: true);
            WomRulesLog.CampaignReloaded(logger, info.Id, source, info.Revision, info.ContentHash, running.Info.Revision);

            // As at start-up: the version now running has these warnings, and the operator should see them.
            foreach (var diagnostic in emit.Diagnostics)
            {
                if (!diagnostic.IsError)
                {
                    WomRulesLog.CampaignWarning(logger, diagnostic.ToString());
                }
            }
        }
        finally
        {
            slot.Gate.Exit();
        }
    }

    /// <summary>
    /// One request under the campaign's lock. When the lock is free it is taken and the request evaluated synchronously:
    /// no async state machine, no task. Generic over the request's struct, so each kind gets its own code and no
    /// delegate or boxing.
    /// </summary>
    private ValueTask<T> Run<T, TRequest>(CampaignSlot slot, TRequest request, CancellationToken cancellationToken)
        where TRequest : struct, IHeldRequest<T>
    {
        if (cancellationToken.IsCancellationRequested || !slot.Gate.TryEnter())
        {
            return RunWaitingAsync<T, TRequest>(slot, request, cancellationToken);
        }

        try
        {
            ThrowIfStopped();
            return new ValueTask<T>(request.Evaluate(evaluator, slot));
        }
        catch (Exception ex)
        {
            // As the awaited path reports it: in the returned task, not thrown by the call.
            return ValueTask.FromException<T>(ex);
        }
        finally
        {
            slot.Gate.Exit();
        }
    }

    private async ValueTask<T> RunWaitingAsync<T, TRequest>(CampaignSlot slot, TRequest request, CancellationToken cancellationToken)
        where TRequest : struct, IHeldRequest<T>
    {
        // Cancellation is honoured only while waiting: once evaluation begins, the request is applied or refused whole.
        await slot.Gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfStopped();
            return request.Evaluate(evaluator, slot);
        }
        finally
        {
            slot.Gate.Exit();
        }
    }

    /// <summary>A request (an event, a batch, a participant read) as the lock holder evaluates it.</summary>
    private interface IHeldRequest<out T>
    {
        T Evaluate(RequestEvaluator evaluator, CampaignSlot slot);
    }

    private readonly struct OneEvent(string line) : IHeldRequest<CampaignResult>
    {
        public CampaignResult Evaluate(RequestEvaluator evaluator, CampaignSlot slot) => evaluator.Evaluate(slot, line);
    }

    private readonly struct OneEventInto(string line, ICollection<Outcome> outcomes) : IHeldRequest<CampaignInfo>
    {
        public CampaignInfo Evaluate(RequestEvaluator evaluator, CampaignSlot slot) => evaluator.Evaluate(slot, line, outcomes);
    }

    private readonly struct ParticipantRead(string participantId) : IHeldRequest<ParticipantSnapshot?>
    {
        // A snapshot, taken under the lock: the engine's own object changes with the next event.
        public ParticipantSnapshot? Evaluate(RequestEvaluator evaluator, CampaignSlot slot) =>
            slot.State.Engine.GetParticipant(participantId)?.ToSnapshot();
    }

    private readonly struct Batch(IReadOnlyList<string> lines) : IHeldRequest<CampaignResult>
    {
        public CampaignResult Evaluate(RequestEvaluator evaluator, CampaignSlot slot) => evaluator.Evaluate(slot, lines switch
        {
            string[] array => array,
            List<string> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            ArraySegment<string> segment => segment.AsSpan(),
            _ => [.. lines],
        });
    }
}
