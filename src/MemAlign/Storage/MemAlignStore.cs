using System.Reflection;
using MemAlign.Storage.Sqlite;

namespace MemAlign.Storage;

/// <summary>
/// Opens the store one setting names: <c>MEMALIGN_STORE</c> (a SQLite path, or a PostgreSQL connection
/// string or URL, which needs the MemAlign.PostgreSql package), or by default
/// <c>.memalign/memalign.db</c> under the working directory.
/// </summary>
public static class MemAlignStore
{
    /// <summary>The environment variable that names the store.</summary>
    public const string SettingVariable = "MEMALIGN_STORE";

    /// <summary>The default SQLite file, under the working directory.</summary>
    public static string DefaultPath => Path.Combine(Environment.CurrentDirectory, ".memalign", "memalign.db");

    /// <summary>Opens the store <paramref name="setting"/> names, else the one <c>MEMALIGN_STORE</c> names, else the default file.</summary>
    /// <exception cref="StoreException">The store cannot be opened; the message names it and what to fix.</exception>
    public static async Task<IMemAlignStore> OpenAsync(string? setting = null, CancellationToken cancellationToken = default)
    {
        setting ??= Environment.GetEnvironmentVariable(SettingVariable);
        if (string.IsNullOrWhiteSpace(setting))
        {
            return await SqliteMemAlignStore.OpenAsync(DefaultPath, cancellationToken).ConfigureAwait(false);
        }

        return IsPostgreSql(setting)
            ? await OpenPostgreSqlAsync(setting, cancellationToken).ConfigureAwait(false)
            : await SqliteMemAlignStore.OpenAsync(setting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a setting names a PostgreSQL database (a URL, or a connection string with a host).</summary>
    public static bool IsPostgreSql(string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var text = setting.TrimStart();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('=', StringComparison.Ordinal) && text.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    // The PostgreSQL store lives in its own package so that SQLite users do not carry Npgsql.
    private static async Task<IMemAlignStore> OpenPostgreSqlAsync(string setting, CancellationToken cancellationToken)
    {
        var type = Type.GetType("MemAlign.PostgreSql.PostgreSqlMemAlignStore, MemAlign.PostgreSql", throwOnError: false)
            ?? throw new StoreException($"{SettingVariable} names a PostgreSQL database, but the MemAlign.PostgreSql package is not part of this application; add it to use PostgreSQL.");
        var open = type.GetMethod("OpenAsync", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(CancellationToken)])
            ?? throw new StoreException("MemAlign.PostgreSql has no OpenAsync(string, CancellationToken); use the same version as MemAlign.");
        try
        {
            var task = (Task)open.Invoke(null, [setting, cancellationToken])!;
            await task.ConfigureAwait(false);
            return (IMemAlignStore)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
