namespace MemAlign;

/// <summary>The scale of a numeric judge or label schema (<c>int</c> or <c>double</c>), inclusive at both ends.</summary>
/// <param name="minimum">The lowest value.</param>
/// <param name="maximum">The highest value.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ScaleAttribute(double minimum, double maximum) : Attribute
{
    /// <summary>The lowest value.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The highest value.</summary>
    public double Maximum { get; } = maximum;

    /// <summary>
    /// The value outside the scale that means "does not apply", such as <c>[Scale(1, 3, NotApplicable = 0)]</c>; NaN (the
    /// default) when the question always applies. The judge may answer it, labels may carry it, alignment learns from it,
    /// and statistics report applicability apart from the error on the scale. A label schema and its judge must agree on it.
    /// </summary>
    public double NotApplicable { get; set; } = double.NaN;
}
