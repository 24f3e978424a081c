using MemAlign.Storage;
using MemAlign.Storage.Sql;
using Npgsql;

namespace MemAlign.PostgreSql;

/// <summary>The team store: a PostgreSQL database shared by everyone who aligns and evaluates judges.</summary>
public sealed class PostgreSqlMemAlignStore : SqlMemAlignStore
{
    private readonly PostgreSqlDialect _dialect;

    private PostgreSqlMemAlignStore(PostgreSqlDialect dialect)
        : base(dialect)
    {
        _dialect = dialect;
    }

    /// <summary>
    /// Opens the store in the database <paramref name="connection"/> names (an Npgsql connection string,
    /// or a <c>postgresql://user:password@host:port/database</c> URL), creating its tables on first use.
    /// </summary>
    /// <exception cref="StoreException">The setting is malformed, the server cannot be reached, refuses the login, or holds a newer schema.</exception>
    public static async Task<PostgreSqlMemAlignStore> OpenAsync(string connection, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var store = new PostgreSqlMemAlignStore(new PostgreSqlDialect(Parse(connection)));
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
        try
        {
            if (Uri.TryCreate(setting.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "postgres" or "postgresql")
            {
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

            return new NpgsqlConnectionStringBuilder(setting);
        }
        catch (ArgumentException e)
        {
            // The message of the builder may quote the setting; say only what is wrong.
            throw new StoreException($"MEMALIGN_STORE is not a valid PostgreSQL connection string or URL: {e.Message.Split('\'')[0].Trim()}. Write it as Host=...;Database=...;Username=... or postgresql://user@host/database.", e);
        }
    }
}
