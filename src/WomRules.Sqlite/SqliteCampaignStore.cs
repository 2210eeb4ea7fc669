using Microsoft.Data.Sqlite;
using WomRules.Runtime;

namespace WomRules.Sqlite;

/// <summary>
/// A campaign's state in one SQLite file, the embedded durable store (docs/stores.md, "SQLite"). Opening loads the
/// database into <see cref="State"/> as a state file is loaded, so nothing the engine keeps is lost: participants,
/// seen ids with their times, budget used, the clock, the reversal ledger, identity records and pending grants.
/// <see cref="Checkpoint"/> writes all of it, with the outcomes that produced it, in one transaction (WAL mode).
/// Run an engine over <see cref="State"/> (the in-memory fast path) and checkpoint after every batch of events: a
/// re-run of the same events after a crash or kill then applies each event exactly once. The store is also an
/// <see cref="IParticipantStore"/> (each commit, or each batch, is a checkpoint), for hosts written against the contract.
/// Not thread-safe; one process at a time: an open store holds an exclusive lock on the file until it is disposed.
/// </summary>
public sealed class SqliteCampaignStore : IParticipantStore, IDisposable
{
    private readonly SqliteConnection connection;
    private readonly CompiledCampaign campaign;
    private readonly SqliteStoreOptions options;
    private bool inBatch;
    private long journaled;

    private SqliteCampaignStore(string path, SqliteConnection connection, CompiledCampaign campaign, SqliteStoreOptions options, InMemoryParticipantStore state)
    {
        Path = path;
        this.connection = connection;
        this.campaign = campaign;
        this.options = options;
        State = state;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The layout of the database this version writes (<c>womrules_schema.version</c>).</summary>
    public static int SchemaVersion => SqliteSchema.Version;

    /// <summary>
    /// The state as of the last checkpoint plus what was applied since: the in-memory store an engine runs over. After
    /// a failed checkpoint or an abandoned batch it is a new object read back from the database.
    /// </summary>
    public InMemoryParticipantStore State { get; private set; }

    /// <summary>How many checkpoints the database has had.</summary>
    public long Checkpoints { get; private set; }

    /// <summary>
    /// Opens the database at <paramref name="path"/>, creating it for <paramref name="campaign"/> when the file is
    /// missing or empty. Throws <see cref="InvalidDataException"/> when the file is not SQLite, not a womrules store,
    /// was made for another campaign or by a newer schema, or its state does not read (the message says which).
    /// </summary>
    public static SqliteCampaignStore Open(string path, CompiledCampaign campaign, SqliteStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(campaign);
        options ??= new SqliteStoreOptions();
        // DefaultTimeout: how long to wait for a lock another process holds (the provider retries until then), 30 s by default.
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 1 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // One writer: the lock is taken now and held until the store is disposed, so a second process opening the
            // same file fails here instead of committing batches computed from a state the first has moved past.
            Execute(connection, "PRAGMA locking_mode=EXCLUSIVE");
            Execute(connection, "PRAGMA journal_mode=WAL");
            Execute(connection, "BEGIN EXCLUSIVE; COMMIT;");
            var empty = SqliteSchema.IsEmpty(connection);
            Execute(connection, options.Durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            if (empty)
            {
                SqliteSchema.Initialize(connection, campaign.Id);
            }
            else
            {
                SqliteSchema.Check(connection, campaign.Id);
            }

            var store = new SqliteCampaignStore(path, connection, campaign, options, new InMemoryParticipantStore(campaign));
            store.Reload();
            return store;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw NotADatabase(ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes <see cref="State"/> durable, with <paramref name="outcomes"/> (those of the events applied since the last
    /// checkpoint) added to the outcome log, in one transaction: after it returns, a crash loses none of it; if it
    /// throws, none of it was written and <see cref="State"/> is read back from the database.
    /// </summary>
    public void Checkpoint(IEnumerable<Outcome>? outcomes = null) => Write(lines: null, outcomes);

    /// <summary>
    /// Makes durable the events file lines applied to <see cref="State"/> since the last commit, with their outcomes, in
    /// one transaction. The lines go to the database's journal, which opening replays onto the last full state (the
    /// engine is deterministic: a saved state plus the same lines is the same state); once the journal holds
    /// <see cref="SqliteStoreOptions.SnapshotEvery"/> lines, the whole state is written instead and the journal
    /// emptied. So a batch costs its own lines, not the size of the state. If it throws, nothing was written and
    /// <see cref="State"/> is read back from the database.
    /// </summary>
    public void CommitLines(IReadOnlyList<byte[]> utf8Lines, IEnumerable<Outcome>? outcomes = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Lines);
        Write(journaled + utf8Lines.Count >= options.SnapshotEvery ? null : utf8Lines, outcomes);
    }

    /// <summary>Lines in the journal, not yet folded into the stored state.</summary>
    public long JournaledLines => journaled;

    private void Write(IReadOnlyList<byte[]>? lines, IEnumerable<Outcome>? outcomes)
    {
        try
        {
            using var transaction = connection.BeginTransaction();
            if (lines is null)
            {
                using var document = new MemoryStream();
                State.WriteTo(document, campaign);
                using var write = connection.CreateCommand();
                write.Transaction = transaction;
                write.CommandText = """
                    INSERT INTO state (id, document, batches) VALUES (1, $document, 1)
                    ON CONFLICT (id) DO UPDATE SET document = excluded.document, batches = state.batches + 1;
                    DELETE FROM journal;
                    """;
                write.Parameters.Add("$document", SqliteType.Blob).Value = document.ToArray();
                write.ExecuteNonQuery();
            }
            else
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO journal (line) VALUES ($line)";
                var parameter = insert.Parameters.Add("$line", SqliteType.Blob);
                foreach (var line in lines)
                {
                    parameter.Value = line;
                    insert.ExecuteNonQuery();
                }
            }

            if (options.KeepOutcomes && outcomes is not null)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO outcomes (outcome) VALUES ($outcome)";
                var parameter = insert.Parameters.Add("$outcome", SqliteType.Text);
                foreach (var outcome in outcomes)
                {
                    // A duplicate applied nothing: a replayed prefix adds nothing to the log.
                    if (outcome is DuplicateOutcome)
                    {
                        continue;
                    }

                    parameter.Value = outcome.ToJson();
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            journaled = lines is null ? 0 : journaled + lines.Count;
            Checkpoints++;
        }
        catch (SqliteException ex)
        {
            Reload();
            throw new IOException("the database did not commit the batch, so nothing of it is applied: " + ex.Message, ex);
        }
    }

    /// <summary>The outcome log: every outcome but <c>duplicate</c> given to <see cref="Checkpoint"/>, in order, as JSON lines.</summary>
    public IEnumerable<string> ReadOutcomeLog()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome FROM outcomes ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    /// <summary>Writes the state as of the last commit as a state file: the bytes <c>--save-state</c> would write.</summary>
    public void ExportTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var durable = ReadDocument() is not null || journaled > 0 ? Durable() : new InMemoryParticipantStore();
        durable.WriteTo(stream, campaign);
    }

    /// <summary>The state as committed: <see cref="State"/> may hold lines applied since.</summary>
    private InMemoryParticipantStore Durable()
    {
        var current = State;
        var count = journaled;
        try
        {
            Reload();
            return State;
        }
        finally
        {
            State = current;
            journaled = count;
        }
    }

    /// <summary>
    /// Writes the state of the database at <paramref name="path"/> as a state file, without its campaign (the file
    /// names it). Throws <see cref="InvalidDataException"/> as <see cref="Open"/> does, and <see cref="FileNotFoundException"/>.
    /// </summary>
    public static void Export(string path, Stream output)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("no such file", path);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 1 };
        using var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            SqliteSchema.Check(connection, campaignId: null);
            if (SqliteSchema.Scalar(connection, "SELECT count(*) FROM journal") is long pending and > 0)
            {
                throw new InvalidDataException($"the database has {pending} applied events not yet folded into its stored state (the run that wrote them was stopped); "
                    + "export it with its campaign, or finish the run");
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT document FROM state WHERE id = 1";
            if (command.ExecuteScalar() is not byte[] document)
            {
                throw new InvalidDataException("the database has no state yet: nothing was run against it");
            }

            output.Write(document);
        }
        catch (SqliteException ex)
        {
            throw NotADatabase(ex);
        }
    }

    /// <summary>
    /// Replaces the database's state with a state file's (validated against the campaign as <c>--state</c> is), in one
    /// checkpoint; the outcome log is kept. Throws <see cref="InvalidDataException"/> when the file does not read.
    /// </summary>
    public void ImportFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        State = InMemoryParticipantStore.ReadFrom(stream, campaign);
        Checkpoint();
    }

    /// <summary>
    /// A new engine over this store through the store contract (<see cref="Commit"/>), rehydrated from what it holds
    /// (<see cref="CampaignEngine.Rehydrate"/>: the clock, grant order, participants and pending grants of
    /// <see cref="State"/>), so that it goes on as the engine that last wrote the database would have. For the fastest
    /// path, run an engine over <see cref="State"/> and <see cref="Checkpoint"/> instead.
    /// </summary>
    public CampaignEngine CreateEngine(EngineOptions? options = null) =>
        CampaignEngine.Rehydrate(campaign, this, State.ToCampaignStateSnapshot(), State.Participants.Select(p => p.ToSnapshot()), State.PendingGrants, options);

    /// <inheritdoc />
    public ParticipantState? Find(string participantId) => State.Find(participantId);

    /// <inheritdoc />
    public LedgerEntrySnapshot? FindLedgerEntry(string eventId) => State.FindLedgerEntry(eventId);

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId) => State.HasSeenEvent(eventId);

    /// <inheritdoc />
    public long PointsIssued => State.PointsIssued;

    /// <inheritdoc />
    public decimal CreditIssued => State.CreditIssued;

    /// <summary>Applies the change to <see cref="State"/> and, outside a batch, checkpoints it; a failed checkpoint throws and applies nothing.</summary>
    public void Commit(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.EventId is not null && State.HasSeenEvent(change.EventId))
        {
            throw new InvalidOperationException($"event '{change.EventId}' is already applied");
        }

        if ((change.PointsBudget is { } points && checked(State.PointsIssued + change.PointsIssued) > points)
            || (change.CreditBudget is { } credit && State.CreditIssued + change.CreditIssued > credit))
        {
            throw new InvalidOperationException("the change would take the budget past its limit");
        }

        // The whole change (ledger entries, pending grants, clock, grant order too, so a new engine rehydrated over the
        // reopened store resumes exactly); the states are copied: the store must not see a caller's later changes to them.
        State.Commit(new StateChange(change.EventId, change.Participants.Select(p => ParticipantState.FromSnapshot(campaign, p.ToSnapshot())).ToList(), change.PointsIssued, change.CreditIssued)
        {
            At = change.At,
            ForgottenBefore = change.ForgottenBefore,
            Ledger = change.Ledger,
            Clock = change.Clock,
            PendingAdded = change.PendingAdded,
            PendingRemoved = change.PendingRemoved,
            NextGrant = change.NextGrant,
            PointsBudget = change.PointsBudget,
            CreditBudget = change.CreditBudget,
        });
        if (!inBatch)
        {
            Checkpoint();
        }
    }

    /// <inheritdoc />
    public void BeginBatch() => inBatch = true;

    /// <inheritdoc />
    public void CompleteBatch()
    {
        inBatch = false;
        Checkpoint();
    }

    /// <inheritdoc />
    public void AbandonBatch()
    {
        inBatch = false;
        Reload();
    }

    /// <summary>Closes the database (the write-ahead log is folded into it).</summary>
    public void Dispose()
    {
        connection.Dispose();
    }

    /// <summary>Reads <see cref="State"/> back from the last checkpoint (a new database: an empty state).</summary>
    private void Reload()
    {
        journaled = 0;
        var document = ReadDocument();
        if (document is null)
        {
            State = new InMemoryParticipantStore(campaign);
            Replay();
            return;
        }

        try
        {
            using var stream = new MemoryStream(document, writable: false);
            State = InMemoryParticipantStore.ReadFrom(stream, campaign);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException("the state in the database does not read: " + ex.Message, ex);
        }

        Replay();
    }

    /// <summary>Applies the journal's lines to <see cref="State"/> in order, as they were applied before (outcomes discarded).</summary>
    private void Replay()
    {
        var engine = new CampaignEngine(campaign, State);
        var discard = new DiscardingCollection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT line FROM journal ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            engine.ProcessJson((byte[])reader.GetValue(0), discard);
            journaled++;
        }
    }

    private byte[]? ReadDocument()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM state WHERE id = 1";
        return command.ExecuteScalar() is byte[] bytes ? bytes : null;
    }

    private static InvalidDataException NotADatabase(SqliteException ex) =>
        new(ex.SqliteErrorCode switch
        {
            26 or 11 => "the file is not a SQLite database, or it is damaged (" + ex.Message + ")",
            5 or 6 => "the database is in use by another process (one process writes a store at a time)",
            _ => ex.Message,
        }, ex);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
