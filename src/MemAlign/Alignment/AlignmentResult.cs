namespace MemAlign;

/// <summary>An aligned (or unaligned) judge and the report of what was done. Converts to the judge.</summary>
/// <typeparam name="T">The judge's value type.</typeparam>
public sealed class AlignmentResult<T>(Judge<T> judge, AlignmentReport report)
{
    /// <summary>The new judge; the original is unchanged.</summary>
    public Judge<T> Judge { get; } = judge ?? throw new ArgumentNullException(nameof(judge));

    /// <summary>What was done and what it cost.</summary>
    public AlignmentReport Report { get; } = report ?? throw new ArgumentNullException(nameof(report));

    /// <summary>The judge, so that <c>Judge&lt;bool&gt; aligned = await judge.AlignAsync(traces);</c> reads naturally.</summary>
    public static implicit operator Judge<T>(AlignmentResult<T> result) => result?.Judge!;

    /// <summary>The judge.</summary>
    public Judge<T> ToJudge() => Judge;

    /// <summary>Deconstructs into judge and report.</summary>
    public void Deconstruct(out Judge<T> judge, out AlignmentReport report)
    {
        judge = Judge;
        report = Report;
    }
}
