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
        Path = dialect.Path;
    }

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

    /// <summary>Releases pooled connections, so the file can be moved or deleted.</summary>
    public override async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
