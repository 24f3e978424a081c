using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MemAlign.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, while the writer goes on with the next
/// batch. Left to SQLite, the checkpoint runs inside the commit that fills the log, and a bulk import stopped for it: a 50,000-trace
/// import spent about a tenth of its writing time waiting on one, and its closing checkpoint copied the whole file again. A passive
/// checkpoint never waits for readers or writers and copies only committed pages, so it can run beside the writer; the writer's
/// own automatic checkpoint stays, as the bound on the log should this one fall behind.
/// </summary>
internal sealed class SqliteCheckpointer(Func<CancellationToken, Task<DbConnection>> open)
{
    private readonly Lock _gate = new();
    private Task _running = Task.CompletedTask;

    /// <summary>Starts a checkpoint unless one is running (then the next call starts the one after it).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_running.IsCompleted)
            {
                _running = Task.Run(CheckpointAsync, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Completes when no checkpoint is running: before the store closes, or before a checkpoint that must empty the log. It never
    /// fails: a checkpoint that failed left the log as it was, and closing the store must not fail for housekeeping.
    /// </summary>
    public async Task WhenIdleAsync()
    {
        Task running;
        lock (_gate)
        {
            running = _running;
        }

        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await open(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Housekeeping only, and nothing is lost: the log keeps every page until a checkpoint succeeds, and the writer's automatic
            // checkpoint still bounds it. A store that cannot be written reports that on the writes themselves.
        }
    }
}
