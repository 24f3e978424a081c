using MemAlign.Storage;
using MemAlign.Storage.Sql;
using Npgsql;

namespace MemAlign.PostgreSql;

/// <summary>The team store: a PostgreSQL database shared by everyone who aligns and evaluates judges.</summary>
public sealed class PostgreSqlMemAlignStore : SqlMemAlignStore
{
    private readonly PostgreSqlDialect _dialect;

    private PostgreSqlMemAlignStore(PostgreSqlDialect dialect, MemAlignStoreOptions? options)
        : base(dialect, options)
    {
        _dialect = dialect;
    }

    /// <summary>
    /// Opens the store in the database <paramref name="connection"/> names (an Npgsql connection string,
    /// or a <c>postgresql://user:password@host:port/database</c> URL), creating its tables on first use.
    /// </summary>
    /// <exception cref="StoreException">The setting is malformed, the server cannot be reached, refuses the login, or holds a newer schema.</exception>
    public static Task<PostgreSqlMemAlignStore> OpenAsync(string connection, MemAlignStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        return OpenAsync(new PostgreSqlDialect(NpgsqlDataSource.Create(Parse(connection)), ownsDataSource: true, (options ?? MemAlignStoreOptions.Default).TimeProvider), options, cancellationToken);
    }

    /// <summary>
    /// Opens the store on an application's own <paramref name="dataSource"/> (its pooling, logging and
    /// authentication), creating its tables on first use. The data source stays the caller's to dispose.
    /// </summary>
    /// <exception cref="StoreException">The server cannot be reached, refuses the login, or holds a newer schema.</exception>
    public static Task<PostgreSqlMemAlignStore> OpenAsync(NpgsqlDataSource dataSource, MemAlignStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return OpenAsync(new PostgreSqlDialect(dataSource, ownsDataSource: false, (options ?? MemAlignStoreOptions.Default).TimeProvider), options, cancellationToken);
    }

    /// <summary>Whether a setting names a PostgreSQL database (a URL, or a connection string with a host) rather than a file.</summary>
    public static bool IsConnectionSetting(string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var text = setting.TrimStart();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('=', StringComparison.Ordinal) && text.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<PostgreSqlMemAlignStore> OpenAsync(PostgreSqlDialect dialect, MemAlignStoreOptions? options, CancellationToken cancellationToken)
    {
        var store = new PostgreSqlMemAlignStore(dialect, options);
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dialect.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    internal static NpgsqlConnectionStringBuilder Parse(string setting)
    {
        var text = setting.Trim();
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseKeywords(setting);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new StoreException($"The PostgreSQL URL is malformed (check the port and escape special characters in the user name and password with %XX). {Expected}");
        }

        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : null;
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } database ? Uri.UnescapeDataString(database) : "postgres",
            Username = user.Length > 0 ? user : null,
            Password = password,
        };
    }

    private const string Expected = "Write the setting as Host=...;Database=...;Username=... (quote a value that holds ';' or '=') or as postgresql://user@host:port/database.";

    // Npgsql's own messages quote the setting (and so its password) and span lines; name only the keyword at fault.
    private static NpgsqlConnectionStringBuilder ParseKeywords(string setting)
    {
        var pairs = new System.Data.Common.DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = setting;
        }
        catch (ArgumentException)
        {
            throw new StoreException($"The PostgreSQL connection string is malformed. {Expected}");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        foreach (string keyword in pairs.Keys)
        {
            if (!builder.ContainsKey(keyword))
            {
                throw new StoreException($"The PostgreSQL connection string has an unknown keyword '{keyword}'. {Expected}");
            }

            try
            {
                builder[keyword] = pairs[keyword];
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw new StoreException($"The PostgreSQL connection string has an invalid value for '{keyword}'. {Expected}");
            }
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? throw new StoreException($"The PostgreSQL connection string names no server (Host is empty). {Expected}")
            : builder;
    }
}
