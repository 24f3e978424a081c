namespace MemAlign.Generators.Model;

/// <summary>
/// A judge's or label schema's value type as the generator emits it: its kind, the C# type, a scale for
/// numeric kinds, and the enum's members for categorical ones.
/// </summary>
internal sealed record ValueTypeSpec(FeedbackTypeKind Kind, string ClrType, string DisplayName, double? Minimum, double? Maximum, EquatableArray<string> Options)
{
    public bool IsNumeric => Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number;

    /// <summary>Numeric and without a scale: a label schema that takes its judge's.</summary>
    public bool NeedsScale => IsNumeric && Minimum is null;

    /// <summary>How it reads in messages: "bool", "int 1..5", "int (no scale)", "ProductQuality (Excellent, Good)".</summary>
    public string Describe() => Kind switch
    {
        _ when NeedsScale => $"{DisplayName} (no scale)",
        FeedbackTypeKind.Integer or FeedbackTypeKind.Number => $"{DisplayName} {Format(Minimum)}..{Format(Maximum)}",
        FeedbackTypeKind.Categorical => $"{DisplayName} ({string.Join(", ", Options)})",
        _ => DisplayName,
    };

    /// <summary>The same type on another scale.</summary>
    public ValueTypeSpec WithScale(double? minimum, double? maximum) => this with { Minimum = minimum, Maximum = maximum };

    public static string Format(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
