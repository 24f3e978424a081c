namespace MemAlign;

/// <summary>A rubric could not be rendered for a trace: a field it uses is missing, or the template failed at run time.</summary>
public sealed class RubricRenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RubricRenderException(string message, Exception? innerException = null, string? missingField = null)
        : base(message, innerException)
    {
        MissingField = missingField;
    }

    /// <summary>The trace field the rubric needs and the trace lacks, when that is the cause.</summary>
    public string? MissingField { get; }
}
