namespace MemAlign.Evaluation;

/// <summary>A statistic's value on the data and its bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on all rows.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Level">The confidence level, such as 0.95.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level)
{
    /// <summary>Whether zero lies outside the interval: for a difference, a significant change.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}
