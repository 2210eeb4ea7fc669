using Npgsql;
using NpgsqlTypes;
using WomRules.Runtime;

namespace WomRules.PostgreSql;

/// <summary>
/// A store in PostgreSQL for many hosts sharing one campaign (docs/stores.md, PostgreSQL). Each event runs in one
/// transaction (or each batch, between <see cref="BeginBatch"/> and <see cref="CompleteBatch"/>): its actor's and
/// referrer's rows are locked when read (<c>SELECT … FOR UPDATE</c>, both at once and in id order in
/// <see cref="PrepareAsync"/>), and <see cref="Commit"/> writes the seen id under its primary key, takes the budget
/// with one conditional update that refuses an overspend, and replaces each participant only at the version it read.
/// A change that loses a race (an id another engine applied, a budget it spent, a participant it changed, a
/// serialization failure or deadlock) is rolled back whole and thrown, so the engine undoes the event and the caller
/// sends it again. One store holds one connection: use it from one engine, on one thread at a time.
/// </summary>
public sealed class PostgreSqlParticipantStore : IParticipantStore, IDisposable, IAsyncDisposable
{
    private readonly CompiledCampaign campaign;
    private readonly NpgsqlConnection connection;

    // The rows read in the open transaction, with the version each was read at (0: no row). Commit writes at that version.
    private readonly Dictionary<string, (ParticipantSnapshot? Row, long Version)> rows = new(StringComparer.Ordinal);
    private NpgsqlTransaction? transaction;
    private string? transactionEvent;
    private (long Points, decimal Credit)? totals;
    private (string EventId, bool Seen)? seen;
    private bool inBatch;
    private bool batchFailed;

    private PostgreSqlParticipantStore(CompiledCampaign campaign, NpgsqlConnection connection)
    {
        this.campaign = campaign;
        this.connection = connection;
    }

    /// <summary>
    /// Opens the store for <paramref name="campaign"/> over <paramref name="connectionString"/>, making its tables when
    /// missing. Throws <see cref="InvalidOperationException"/> when the database holds another campaign or was made by
    /// a newer version of this library.
    /// </summary>
    public static PostgreSqlParticipantStore Open(CompiledCampaign campaign, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            PostgreSqlSchema.Ensure(connection, campaign.Id);
            return new PostgreSqlParticipantStore(campaign, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public long PointsIssued => Totals().Points;

    /// <inheritdoc />
    public decimal CreditIssued => Totals().Credit;

    /// <inheritdoc />
    public ParticipantState? Find(string participantId)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        if (!rows.TryGetValue(participantId, out var row))
        {
            EnsureTransaction();
            try
            {
                using var command = Command("SELECT participant_id, version, state::text FROM womrules_participant WHERE participant_id = $1 FOR UPDATE");
                command.Parameters.Add(new NpgsqlParameter { Value = participantId });
                using var reader = command.ExecuteReader();
                row = reader.Read() ? (ParticipantJson.Read(participantId, reader.GetString(2)), reader.GetInt64(1)) : (null, 0);
                rows[participantId] = row;
            }
            catch (NpgsqlException)
            {
                // A deadlock or lost connection: the transaction is dead, so the event sent again starts a new one.
                Abort();
                throw;
            }
        }

        return row.Row is { } snapshot ? ParticipantState.FromSnapshot(campaign, snapshot) : null;
    }

    /// <inheritdoc />
    public bool HasSeenEvent(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        StartEvent(eventId);
        if (seen is { } known && string.Equals(known.EventId, eventId, StringComparison.Ordinal))
        {
            return known.Seen;
        }

        using var command = Command("SELECT 1 FROM womrules_seen WHERE event_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public LedgerEntrySnapshot? FindLedgerEntry(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        EnsureTransaction();
        using var command = Command("SELECT at, is_reversal, reversed, entry FROM womrules_ledger WHERE event_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LedgerEntrySnapshot(eventId, new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3))
            : null;
    }

    /// <summary>
    /// Locks the actor's and referrer's rows (in id order, so two engines never wait on each other in a cycle) and reads
    /// them, whether the event is seen, and the budget used, in one round trip.
    /// </summary>
    public async ValueTask PrepareAsync(string eventId, string actor, string? referrer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(actor);
        StartEvent(eventId);
        var ids = referrer is null || string.Equals(referrer, actor, StringComparison.Ordinal) ? new[] { actor } : new[] { actor, referrer };
        ids = [.. ids.Where(id => !rows.ContainsKey(id))];
        try
        {
            await ReadEventAsync(eventId, ids, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
        {
            // A deadlock, a lost connection or a cancelled read leaves the transaction dead: drop it.
            Abort();
            throw;
        }
    }

    private async Task ReadEventAsync(string eventId, string[] ids, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        Add(batch, "SELECT participant_id, version, state::text FROM womrules_participant WHERE participant_id = ANY($1) ORDER BY participant_id COLLATE \"C\" FOR UPDATE", (object)ids);
        Add(batch, "SELECT EXISTS (SELECT 1 FROM womrules_seen WHERE event_id = $1)", eventId);
        Add(batch, "SELECT points_used, credit_used FROM womrules_campaign");
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                rows[id] = (ParticipantJson.Read(id, reader.GetString(2)), reader.GetInt64(1));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            seen = (eventId, reader.GetBoolean(0));
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            totals = (reader.GetInt64(0), reader.GetDecimal(1));
        }

        foreach (var id in ids)
        {
            rows.TryAdd(id, (null, 0));
        }
    }

    /// <inheritdoc />
    public void Commit(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (batchFailed)
        {
            throw new InvalidOperationException("an earlier commit of this batch failed; the batch is rolled back");
        }

        EnsureTransaction();
        var written = new List<(string Id, ParticipantSnapshot Row, long Version)>();
        try
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            var mustTouch = new List<(NpgsqlBatchCommand Command, int Rows, string Refusal)>();
            if (change.EventId is { } eventId)
            {
                // Spec v1.1 §13: an id forgotten past the lateness horizon may be reused; otherwise the key refuses it.
                mustTouch.Add((Add(batch, """
                    INSERT INTO womrules_seen (event_id, at) VALUES ($1, $2)
                    ON CONFLICT (event_id) DO UPDATE SET at = EXCLUDED.at WHERE womrules_seen.at < $3
                    """, eventId, Time(change.At), Time(change.ForgottenBefore)), 1, $"event '{eventId}' is already applied"));
            }

            foreach (var participant in change.Participants)
            {
                var snapshot = participant.ToSnapshot();
                var json = ParticipantJson.Write(snapshot);
                var due = snapshot.Lots.Count > 0 || snapshot.Tier is not null;
                if (rows.TryGetValue(participant.Id, out var read) && read.Version > 0)
                {
                    mustTouch.Add((Add(batch, """
                        UPDATE womrules_participant SET state = $2::jsonb, has_due_effects = $3, version = version + 1
                        WHERE participant_id = $1 AND version = $4
                        """, participant.Id, json, due, read.Version), 1, $"participant '{participant.Id}' was changed by another engine"));
                    written.Add((participant.Id, snapshot, read.Version + 1));
                }
                else if (read.Version == 0 && rows.ContainsKey(participant.Id))
                {
                    // Read as absent: a row another engine made since is a unique violation, and this change loses.
                    Add(batch, "INSERT INTO womrules_participant (participant_id, version, has_due_effects, state) VALUES ($1, 1, $3, $2::jsonb)", participant.Id, json, due);
                    written.Add((participant.Id, snapshot, 1));
                }
                else
                {
                    // Never read through this store (a host's own change): replaced whatever it holds.
                    Add(batch, """
                        INSERT INTO womrules_participant (participant_id, version, has_due_effects, state) VALUES ($1, 1, $3, $2::jsonb)
                        ON CONFLICT (participant_id) DO UPDATE SET state = EXCLUDED.state, has_due_effects = EXCLUDED.has_due_effects,
                            version = womrules_participant.version + 1
                        """, participant.Id, json, due);
                }
            }

            foreach (var entry in change.Ledger)
            {
                Add(batch, """
                    INSERT INTO womrules_ledger (event_id, at, is_reversal, reversed, entry) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (event_id) DO UPDATE SET at = EXCLUDED.at, is_reversal = EXCLUDED.is_reversal,
                        reversed = EXCLUDED.reversed, entry = EXCLUDED.entry
                    """, entry.EventId, entry.At.UtcDateTime, entry.IsReversal, entry.Reversed, entry.Json);
            }

            foreach (var p in change.PendingAdded)
            {
                Add(batch, """
                    INSERT INTO womrules_pending (grant_order, due, source, rule, participant_id, points, credit)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (grant_order) DO NOTHING
                    """, p.Grant, p.Due.UtcDateTime, p.Source, p.Rule, p.Participant,
                    Nullable(p.Points, NpgsqlDbType.Bigint), Nullable(p.Credit, NpgsqlDbType.Numeric));
            }

            if (change.PendingRemoved.Count > 0)
            {
                // A grant another engine already released is gone: releasing it again would pay twice (docs/stores.md).
                var removed = change.PendingRemoved.Distinct().ToArray();
                mustTouch.Add((Add(batch, "DELETE FROM womrules_pending WHERE grant_order = ANY($1)", removed), removed.Length,
                    $"a pending grant of this change ({string.Join(", ", removed)}) was already released or reversed by another engine"));
            }

            // The budget in one conditional update (spec §4.7): the row lock serialises the engines, the WHERE refuses an
            // overspend. Last, so the campaign's row, which every commit takes, is held only until COMMIT.
            mustTouch.Add((Add(batch, """
                UPDATE womrules_campaign SET points_used = points_used + $1, credit_used = credit_used + $2,
                    clock = GREATEST(clock, $5), next_grant = GREATEST(next_grant, $6)
                WHERE ($1 <= 0 OR $3::bigint IS NULL OR points_used + $1 <= $3)
                  AND ($2 <= 0 OR $4::numeric IS NULL OR credit_used + $2 <= $4)
                """, change.PointsIssued, change.CreditIssued, Nullable(change.PointsBudget, NpgsqlDbType.Bigint),
                Nullable(change.CreditBudget, NpgsqlDbType.Numeric), Time(change.Clock), change.NextGrant),
                1, $"event '{change.EventId}' would take the budget past its limit"));

            batch.ExecuteNonQuery();
            foreach (var (command, count, refusal) in mustTouch)
            {
                if (command.RecordsAffected != count)
                {
                    throw new StoreRefusalException(refusal);
                }
            }

            if (!inBatch)
            {
                transaction!.Commit();
                EndTransaction();
            }
            else
            {
                totals = null;
                seen = null;
                foreach (var (id, row, version) in written)
                {
                    rows[id] = (row, version);
                }
            }
        }
        catch (Exception ex) when (ex is StoreRefusalException or PostgresException or NpgsqlException)
        {
            Abort();
            throw new InvalidOperationException(Describe(ex), ex);
        }
    }

    /// <inheritdoc />
    public void BeginBatch()
    {
        Abort();
        inBatch = true;
        EnsureTransaction();
    }

    /// <summary>Leaves the batch; throws when one of its commits failed, so that none of it is made durable.</summary>
    private void EndBatch()
    {
        var failed = batchFailed;
        inBatch = false;
        batchFailed = false;
        if (failed)
        {
            throw new InvalidOperationException("a commit of this batch failed, so none of it is applied");
        }
    }

    /// <inheritdoc />
    public void CompleteBatch()
    {
        EndBatch();

        try
        {
            transaction?.Commit();
        }
        finally
        {
            EndTransaction();
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteBatchAsync(CancellationToken cancellationToken)
    {
        EndBatch();

        try
        {
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            EndTransaction();
        }
    }

    /// <inheritdoc />
    public void AbandonBatch()
    {
        Abort();
        inBatch = false;
        batchFailed = false;
    }

    /// <summary>
    /// A new engine over this store from what it holds (docs/stores.md): the clock, the grant order, the latest seen
    /// event's time, the participants with points lots or a tier, and the pending grants.
    /// </summary>
    public CampaignEngine Rehydrate(EngineOptions? options = null)
    {
        Abort();
        long points;
        decimal credit;
        DateTimeOffset? clock;
        long nextGrant;
        using (var command = Command("SELECT points_used, credit_used, clock, next_grant FROM womrules_campaign"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (points, credit, nextGrant) = (reader.GetInt64(0), reader.GetDecimal(1), reader.GetInt64(3));
            clock = reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero);
        }

        var seen = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        using (var command = Command("SELECT event_id, at FROM womrules_seen WHERE at IS NOT NULL ORDER BY at DESC LIMIT 1"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                seen[reader.GetString(0)] = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
            }
        }

        var participants = new List<ParticipantSnapshot>();
        using (var command = Command("SELECT participant_id, state::text FROM womrules_participant WHERE has_due_effects"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                participants.Add(ParticipantJson.Read(reader.GetString(0), reader.GetString(1)));
            }
        }

        var pending = new List<PendingGrantSnapshot>();
        using (var command = Command("SELECT grant_order, due, source, rule, participant_id, points, credit FROM womrules_pending ORDER BY grant_order"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                pending.Add(new PendingGrantSnapshot(reader.GetInt64(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetDecimal(6)));
            }
        }

        var state = new CampaignStateSnapshot(points, credit, clock, seen) { NextGrant = nextGrant };
        return CampaignEngine.Rehydrate(campaign, this, state, participants, pending, options);
    }

    /// <summary>Rolls back what is not committed and closes the connection.</summary>
    public void Dispose()
    {
        Abort();
        connection.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        Abort();
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private static object Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime : DBNull.Value;

    private static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type)
        where T : struct => new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = type };

    private static string Describe(Exception ex) => ex switch
    {
        StoreRefusalException => ex.Message,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => $"another engine committed the same row first ({p.ConstraintName}); send the event again",
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => "the transaction lost a race with another engine; send the event again",
        _ => $"PostgreSQL did not commit the change: {ex.Message}",
    };

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
        return command;
    }

    private (long Points, decimal Credit) Totals()
    {
        if (totals is null)
        {
            EnsureTransaction();
            using var command = Command("SELECT points_used, credit_used FROM womrules_campaign");
            using var reader = command.ExecuteReader();
            reader.Read();
            totals = (reader.GetInt64(0), reader.GetDecimal(1));
        }

        return totals.Value;
    }

    // A new event outside a batch: a transaction still open from an earlier event wrote nothing (commits end it), so
    // it is rolled back, releasing its locks.
    private void StartEvent(string eventId)
    {
        if (!inBatch && transaction is not null && !string.Equals(transactionEvent, eventId, StringComparison.Ordinal))
        {
            Abort();
        }

        EnsureTransaction();
        transactionEvent = eventId;
    }

    private void EnsureTransaction() => transaction ??= connection.BeginTransaction();

    private void EndTransaction()
    {
        transaction?.Dispose();
        transaction = null;
        transactionEvent = null;
        totals = null;
        seen = null;
        rows.Clear();
    }

    private void Abort()
    {
        if (inBatch && transaction is not null)
        {
            batchFailed = true;
        }

        try
        {
            transaction?.Rollback();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken: the server rolls the transaction back itself.
        }

        EndTransaction();
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    private sealed class StoreRefusalException(string message) : Exception(message);
}
