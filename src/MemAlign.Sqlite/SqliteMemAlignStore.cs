using MemAlign.Storage;
using MemAlign.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace MemAlign.Sqlite;

/// <summary>The default store: one SQLite file, created on first use (the memalign tool's is <c>.memalign/memalign.db</c>).</summary>
public sealed class SqliteMemAlignStore : SqlMemAlignStore
{
    private SqliteMemAlignStore(SqliteDialect dialect, MemAlignStoreOptions? options)
        : base(dialect, options)
    {
        _dialect = dialect;
        Path = dialect.Path;
    }

    private readonly SqliteDialect _dialect;

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the store in <paramref name="path"/>, migrating its schema.</summary>
    /// <exception cref="StoreException">The file is not a SQLite database, is corrupt, cannot be written, or has a newer schema.</exception>
    public static async Task<SqliteMemAlignStore> OpenAsync(string path, MemAlignStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var store = new SqliteMemAlignStore(new SqliteDialect(full), options);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>
    /// Opens the store in <paramref name="path"/> for reading only: nothing is written (no schema change,
    /// no journal), so a file or folder the process cannot write still serves reads. Writes fail with a
    /// <see cref="StoreException"/> saying the store is read-only.
    /// </summary>
    /// <exception cref="StoreException">There is no store at the path, it is not a SQLite database, or its schema is not this version's (open it writable once to upgrade it).</exception>
    public static async Task<SqliteMemAlignStore> OpenReadOnlyAsync(string path, MemAlignStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new StoreException($"There is no MemAlign store at '{full}' to open read-only; create it with SqliteMemAlignStore.OpenAsync(path) (importing traces or registering a judge), or open another path.");
        }

        var store = new SqliteMemAlignStore(new SqliteDialect(full, readOnly: true), options);
        await store.VerifyAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Waits for a background checkpoint to finish, then releases pooled connections, so the file can be moved or deleted.</summary>
    public override async ValueTask DisposeAsync()
    {
        await _dialect.WhenIdleAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
