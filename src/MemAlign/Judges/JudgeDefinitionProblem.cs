namespace MemAlign;

/// <summary>
/// One reason a judge definition is invalid. <see cref="RuleId"/> is the same id the build-time
/// analyzers report (MAJ003 for an unknown variable, MAJ004 for invalid Scriban, ...).
/// </summary>
/// <param name="RuleId">The rule broken, such as <c>MAJ003</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The one-based line in the rubric, when the problem is in the rubric.</param>
/// <param name="Column">The one-based column in the rubric, when the problem is in the rubric.</param>
public sealed record JudgeDefinitionProblem(string RuleId, string Message, int? Line = null, int? Column = null)
{
    /// <summary>The problem as one line: <c>MAJ003 (line 2, column 14): ...</c>.</summary>
    public override string ToString() =>
        Line is { } line ? $"{RuleId} (line {line}, column {Column}): {Message}" : $"{RuleId}: {Message}";
}
