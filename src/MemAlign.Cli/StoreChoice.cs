using MemAlign.PostgreSql;
using MemAlign.Sqlite;
using MemAlign.Storage;

namespace MemAlign.Cli;

/// <summary>
/// Which store a command opens: --store, else MEMALIGN_STORE, else <c>.memalign/memalign.db</c> under the
/// working directory. A PostgreSQL connection string or URL opens MemAlign.PostgreSql; anything else is a
/// SQLite file (MemAlign.Sqlite). The tool is the one place that reads the setting.
/// </summary>
internal static partial class StoreChoice
{
    /// <summary>The environment variable that names the store.</summary>
    public const string Variable = "MEMALIGN_STORE";

    public static string DefaultPath => Path.Combine(Environment.CurrentDirectory, ".memalign", "memalign.db");

    /// <param name="setting">--store, if given.</param>
    /// <param name="readOnly">Whether the command only reads: a SQLite file is then opened read-only, so a store the user cannot write still serves it.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="StoreException">The store cannot be opened; the message names it and what to fix.</exception>
    public static async Task<IMemAlignStore> OpenAsync(string? setting, bool readOnly, CancellationToken cancellationToken)
    {
        setting ??= Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(setting) && PostgreSqlMemAlignStore.IsConnectionSetting(setting))
        {
            return await PostgreSqlMemAlignStore.OpenAsync(setting, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var path = string.IsNullOrWhiteSpace(setting) ? DefaultPath : SqlitePath(setting);
        // Read-only when there is a store to read; a store that does not exist yet is created (it holds nothing to protect).
        return readOnly && File.Exists(path)
            ? await SqliteMemAlignStore.OpenReadOnlyAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await SqliteMemAlignStore.OpenAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // A SQLite connection string ("Data Source=memalign.db") names its file; taken as a path, it would create a file named
    // after the whole string. Only a setting that starts like one is one: a path may hold '=' too.
    private static string SqlitePath(string setting)
    {
        if (!SqliteConnectionString().IsMatch(setting))
        {
            return setting;
        }

        try
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(setting).DataSource;
            return string.IsNullOrWhiteSpace(file)
                ? throw new StoreException("The store setting is a SQLite connection string without a file; give one, e.g. Data Source=memalign.db, or just the path.")
                : file;
        }
        catch (ArgumentException e)
        {
            // Not echoed: a connection string may hold a password.
            throw new StoreException($"The store setting looks like a SQLite connection string but is not one ({e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}); give the path of the file, e.g. .memalign/memalign.db.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(data\s*source|filename)\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SqliteConnectionString();
}
