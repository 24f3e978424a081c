namespace MemAlign.Generators.Model;

/// <summary>
/// A judge's or label schema's value type as the generator emits it: its kind, the C# type, a scale for
/// numeric kinds, and the enum's members for categorical ones.
/// </summary>
internal sealed record ValueTypeSpec(FeedbackTypeKind Kind, string ClrType, string DisplayName, double? Minimum, double? Maximum, EquatableArray<string> Options)
{
    /// <summary>The scale's "not applicable" value (<c>[Scale(1, 3, NotApplicable = 0)]</c>), if declared.</summary>
    public double? NotApplicable { get; init; }

    public bool IsNumeric => Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number;

    /// <summary>Numeric and without a scale: a label schema that takes its judge's.</summary>
    public bool NeedsScale => IsNumeric && Minimum is null;

    /// <summary>How it reads in messages: "bool", "int 1..5", "int (no scale)", "ProductQuality (Excellent, Good)".</summary>
    public string Describe() => Kind switch
    {
        _ when NeedsScale => $"{DisplayName} (no scale)",
        FeedbackTypeKind.Integer or FeedbackTypeKind.Number => $"{DisplayName} {Format(Minimum)}..{Format(Maximum)}" + (NotApplicable is { } na ? $" (not applicable {Format(na)})" : ""),
        FeedbackTypeKind.Categorical => $"{DisplayName} ({string.Join(", ", Options)})",
        _ => DisplayName,
    };

    /// <summary>The same type on another scale.</summary>
    public ValueTypeSpec WithScale(double? minimum, double? maximum, double? notApplicable = null) => this with { Minimum = minimum, Maximum = maximum, NotApplicable = notApplicable };

    /// <summary>What [Scale(...)] says for this scale: "1, 3" or "1, 3, NotApplicable = 0" (the code fixes write it).</summary>
    public string ScaleArguments() => $"{Format(Minimum)}, {Format(Maximum)}" + (NotApplicable is { } na ? $", NotApplicable = {Format(na)}" : "");

    /// <summary>How the "not applicable" value reads in messages.</summary>
    public string DescribeNotApplicable() => NotApplicable is { } na ? $"allows 'not applicable' ({Format(na)})" : "has no 'not applicable' value";

    public static string Format(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
