namespace MemAlign;

/// <summary>An aligned (or unaligned) judge, of the same type as the one aligned, and the report of what was done. Converts to the judge.</summary>
/// <typeparam name="TJudge">The judge's type: a generated judge class keeps its typed members.</typeparam>
public sealed class AlignmentResult<TJudge>(TJudge judge, AlignmentReport report)
    where TJudge : Judge
{
    /// <summary>The new judge; the original is unchanged.</summary>
    public TJudge Judge { get; } = judge ?? throw new ArgumentNullException(nameof(judge));

    /// <summary>What was done and what it cost.</summary>
    public AlignmentReport Report { get; } = report ?? throw new ArgumentNullException(nameof(report));

    /// <summary>The judge, so that <c>Helpfulness aligned = await judge.AlignAsync(traces);</c> reads naturally.</summary>
    public static implicit operator TJudge(AlignmentResult<TJudge> result) => result?.Judge!;

    /// <summary>The judge.</summary>
    public TJudge ToJudge() => Judge;

    /// <summary>Deconstructs into judge and report.</summary>
    public void Deconstruct(out TJudge judge, out AlignmentReport report)
    {
        judge = Judge;
        report = Report;
    }
}
