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
}
