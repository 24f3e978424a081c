using System.Data.Common;

namespace MemAlign.Storage.Sql;

/// <summary>What differs between the SQL backends: connections, the binary type, write locking, and physically erasing freed space.</summary>
internal abstract class SqlDialect
{
    /// <summary>The store, for messages (no password).</summary>
    public abstract string Description { get; }

    /// <summary>The column type for vectors.</summary>
    public abstract string BinaryType { get; }

    /// <summary>An open connection, configured (pragmas, timeouts).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that takes the write lock at once (so concurrent writers queue instead of failing).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes writers of one judge name within <paramref name="transaction"/> (no-op where the transaction already does).</summary>
    public abstract Task LockJudgeNameAsync(DbConnection connection, DbTransaction transaction, string experiment, string name, CancellationToken cancellationToken);

    /// <summary>After deleting forgotten rows: rewrite storage so their bytes are gone, not merely unreferenced.</summary>
    public abstract Task EraseFreedSpaceAsync(CancellationToken cancellationToken);

    /// <summary>Turns a provider error into a <see cref="StoreException"/> naming the store and what was being done.</summary>
    public virtual StoreException Translate(Exception exception, string action) =>
        new($"The MemAlign store {Description} failed while {action}: {exception.Message}", exception);
}
