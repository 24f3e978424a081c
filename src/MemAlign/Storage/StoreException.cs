namespace MemAlign.Storage;

/// <summary>
/// A store cannot be opened or used: a corrupt or non-SQLite file, an unreachable PostgreSQL server, a
/// bad connection string, a schema from a newer MemAlign. The message names the store (never a password).
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
