using MemAlign.PostgreSql;
using MemAlign.Sqlite;
using MemAlign.Storage;

namespace MemAlign.Cli;

/// <summary>
/// Which store a command opens: --store, else MEMALIGN_STORE, else the settings file's <c>store</c>, else <c>.memalign/memalign.db</c> under the
/// working directory. A PostgreSQL connection string or URL opens MemAlign.PostgreSql; anything else is a
/// SQLite file (MemAlign.Sqlite). The tool is the one place that reads the setting.
/// </summary>
internal static partial class StoreChoice
{
    /// <summary>The environment variable that names the store.</summary>
    public const string Variable = "MEMALIGN_STORE";

    public static string DefaultPath => Path.Combine(Environment.CurrentDirectory, ".memalign", "memalign.db");

    /// <param name="flag">--store, if given.</param>
    /// <param name="fileSetting">The settings file's store, if it names one: used when neither --store nor MEMALIGN_STORE is set.</param>
    /// <param name="readOnly">Whether the command only reads: a SQLite file is then opened read-only, so a store the user cannot write still serves it.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="StoreException">The store cannot be opened; the message names it and what to fix.</exception>
    public static async Task<IMemAlignStore> OpenAsync(string? flag, string? fileSetting, bool readOnly, CancellationToken cancellationToken)
    {
        var setting = flag ?? NonBlank(Environment.GetEnvironmentVariable(Variable)) ?? fileSetting;
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

    /// <summary>A settings file's store: a relative SQLite path is taken from the file's <paramref name="directory"/>, as a path written in a file reads; connection strings stay as they are.</summary>
    public static string ResolveAgainst(string setting, string directory) =>
        PostgreSqlMemAlignStore.IsConnectionSetting(setting) || SqliteConnectionString().IsMatch(setting) || Path.IsPathRooted(setting)
            ? setting
            : Path.GetFullPath(setting, directory);

    /// <summary>Whether a store setting carries a password: a PostgreSQL URL with user:password@, or a Password= (Pwd=) key.</summary>
    public static bool HoldsPassword(string setting) =>
        (Uri.TryCreate(setting.Trim(), UriKind.Absolute, out var url) && url.UserInfo.Contains(':', StringComparison.Ordinal)) || PasswordKey().IsMatch(setting);

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PasswordKey();
}
