namespace MemAlign.Rubrics;

/// <summary>
/// One problem found in a rubric: the rule it breaks, a message, and where in the rubric text it is
/// (a zero-based offset and length; line and column are one-based).
/// </summary>
internal sealed class RubricFinding
{
    public RubricFinding(string ruleId, string message, int offset, int length, int line, int column, string? suggestion = null)
    {
        RuleId = ruleId;
        Message = message;
        Offset = offset;
        Length = length;
        Line = line;
        Column = column;
        Suggestion = suggestion;
    }

    public string RuleId { get; }

    public string Message { get; }

    public int Offset { get; }

    public int Length { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A replacement for the offending text, where one is obvious (the closest allowed variable).</summary>
    public string? Suggestion { get; }
}
