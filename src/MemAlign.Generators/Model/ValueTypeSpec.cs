namespace MemAlign.Generators.Model;

/// <summary>
/// A judge's or label schema's value type as the generator emits it: its kind (a <c>FeedbackTypeKind</c>
/// name), the C# type, a scale for numeric kinds, and the enum's members for categorical ones.
/// </summary>
internal sealed record ValueTypeSpec(string Kind, string ClrType, string DisplayName, double? Minimum, double? Maximum, EquatableArray<string> Options)
{
    /// <summary>How it reads in messages: "bool", "int 1..5", "ProductQuality (Excellent, Good)".</summary>
    public string Describe() => Kind switch
    {
        "Integer" or "Number" => $"{DisplayName} {Format(Minimum)}..{Format(Maximum)}",
        "Categorical" => $"{DisplayName} ({string.Join(", ", Options)})",
        _ => DisplayName,
    };

    private static string Format(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
