namespace MemAlign;

/// <summary>
/// What <c>judge.AlignAsync</c> and <c>UnalignAsync</c> give back: the aligned (or unaligned) judge, of the same
/// type as the one given, and the <see cref="AlignmentReport"/> of what was done. Converts to the judge.
/// The optimizer's own output, memory without a judge, is an <see cref="AlignedMemory"/>.
/// </summary>
/// <typeparam name="TJudge">The judge's type: a generated judge class keeps its typed members.</typeparam>
public sealed class AlignedJudge<TJudge>(TJudge judge, AlignmentReport report)
    where TJudge : Judge
{
    /// <summary>The new judge; the original is unchanged.</summary>
    public TJudge Judge { get; } = judge ?? throw new ArgumentNullException(nameof(judge));

    /// <summary>What was done and what it cost.</summary>
    public AlignmentReport Report { get; } = report ?? throw new ArgumentNullException(nameof(report));

    /// <summary>The judge, so that <c>Helpfulness aligned = await judge.AlignAsync(traces);</c> reads naturally.</summary>
    public static implicit operator TJudge(AlignedJudge<TJudge> result) => result?.Judge!;

    /// <summary>The judge.</summary>
    public TJudge ToJudge() => Judge;

    /// <summary>Deconstructs into judge and report.</summary>
    public void Deconstruct(out TJudge judge, out AlignmentReport report)
    {
        judge = Judge;
        report = Report;
    }
}
