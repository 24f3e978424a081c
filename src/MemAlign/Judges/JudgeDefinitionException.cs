namespace MemAlign;

/// <summary>A judge definition breaks one or more judge rules; the message names the judge and lists every problem.</summary>
public sealed class JudgeDefinitionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public JudgeDefinitionException(string judgeName, IReadOnlyList<JudgeDefinitionProblem> problems)
        : base(Describe(judgeName, problems))
    {
        JudgeName = judgeName;
        Problems = problems;
    }

    /// <summary>The name of the judge being defined.</summary>
    public string JudgeName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<JudgeDefinitionProblem> Problems { get; }

    private static string Describe(string judgeName, IReadOnlyList<JudgeDefinitionProblem> problems) =>
        problems.Count == 1
            ? $"Judge '{judgeName}' is invalid: {problems[0]}"
            : $"Judge '{judgeName}' is invalid ({problems.Count} problems):" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
