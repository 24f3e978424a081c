using MemAlign.PostgreSql;
using MemAlign.Sqlite;
using MemAlign.Storage;

namespace MemAlign.Testing;

/// <summary>Opens the store a test or a test's child process names: a PostgreSQL connection string, else a SQLite file.</summary>
public static class TestStores
{
    public static async Task<IMemAlignStore> OpenAsync(string setting, MemAlignStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        PostgreSqlMemAlignStore.IsConnectionSetting(setting)
            ? await PostgreSqlMemAlignStore.OpenAsync(setting, options, cancellationToken).ConfigureAwait(false)
            : await SqliteMemAlignStore.OpenAsync(setting, options, cancellationToken).ConfigureAwait(false);
}
