using MemAlign.PostgreSql;
using MemAlign.Sqlite;
using MemAlign.Storage;

namespace MemAlign.Cli;

/// <summary>
/// Which store a command opens: --store, else MEMALIGN_STORE, else <c>.memalign/memalign.db</c> under the
/// working directory. A PostgreSQL connection string or URL opens MemAlign.PostgreSql; anything else is a
/// SQLite file (MemAlign.Sqlite). The tool is the one place that reads the setting.
/// </summary>
internal static class StoreChoice
{
    /// <summary>The environment variable that names the store.</summary>
    public const string Variable = "MEMALIGN_STORE";

    public static string DefaultPath => Path.Combine(Environment.CurrentDirectory, ".memalign", "memalign.db");

    /// <exception cref="StoreException">The store cannot be opened; the message names it and what to fix.</exception>
    public static async Task<IMemAlignStore> OpenAsync(string? setting, CancellationToken cancellationToken)
    {
        setting ??= Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(setting))
        {
            return await SqliteMemAlignStore.OpenAsync(DefaultPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return PostgreSqlMemAlignStore.IsConnectionSetting(setting)
            ? await PostgreSqlMemAlignStore.OpenAsync(setting, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await SqliteMemAlignStore.OpenAsync(setting, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
