namespace MemAlign;

/// <summary>
/// A <c>*.memalign.json</c> file is not valid: its JSON, its format version, or what it holds (a value
/// outside the judge's scale, a missing property). The message names the file, line and column.
/// </summary>
public sealed class JudgeMemoryFileException : FormatException
{
    internal JudgeMemoryFileException(string? filePath, int? line, int? column, string reason, Exception? inner = null)
        : base(Describe(filePath, line, column, reason), inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file, when it was read from one.</summary>
    public string? FilePath { get; }

    /// <summary>The line (from 1) of the offending JSON, when known.</summary>
    public int? Line { get; }

    /// <summary>The column (from 1, in characters) of the offending JSON, when known.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    private static string Describe(string? filePath, int? line, int? column, string reason)
    {
        var where = filePath ?? "judge memory file";
        if (line is { } l)
        {
            where += column is { } c ? $"({l},{c})" : $"({l})";
        }

        return $"{where}: {reason}";
    }
}
