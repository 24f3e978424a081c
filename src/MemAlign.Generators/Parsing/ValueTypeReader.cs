using System.Globalization;
using System.Linq;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// Reads a judge's or label schema's value type from its base type argument and [Scale]: bool, int or
/// double on a scale, an enum (its members are the options), or string (free text).
/// </summary>
internal static class ValueTypeReader
{
    /// <summary>The scale the MAJ010 code fix adds when no judge's scale is known.</summary>
    public const string DefaultScale = "1, 5";

    /// <summary>The [Scale] property that declares the "not applicable" value.</summary>
    private const string NotApplicableName = "NotApplicable";

    /// <summary>
    /// The value type, or why it is invalid (MAJ010). With <paramref name="scaleOptional"/> (label schemas),
    /// a numeric type without [Scale] is valid: it takes its judge's scale.
    /// </summary>
    public static ValueTypeReading Read(ITypeSymbol valueType, AttributeData? scale, bool scaleOptional)
    {
        var (minimum, maximum) = scale is { ConstructorArguments.Length: 2 } s
            ? (ToDouble(s.ConstructorArguments[0].Value), ToDouble(s.ConstructorArguments[1].Value))
            : ((double?)null, (double?)null);
        var clrType = valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var shortName = valueType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var none = new EquatableArray<string>([]);

        switch (valueType.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_String:
                var kind = valueType.SpecialType == SpecialType.System_Boolean ? FeedbackTypeKind.Boolean : FeedbackTypeKind.Text;
                return scale is null
                    ? ValueTypeReading.Valid(new ValueTypeSpec(kind, clrType, shortName, null, null, none))
                    : ValueTypeReading.Invalid($"[Scale] applies only to int or double value types, not {shortName}");
            case SpecialType.System_Int32 or SpecialType.System_Double:
                var numeric = valueType.SpecialType == SpecialType.System_Int32 ? FeedbackTypeKind.Integer : FeedbackTypeKind.Number;
                var spec = new ValueTypeSpec(numeric, clrType, shortName, null, null, none);
                if (scale is null)
                {
                    return scaleOptional
                        ? ValueTypeReading.Valid(spec)
                        : ValueTypeReading.Invalid($"a numeric ({shortName}) value type needs a scale: add [Scale(min, max)]", scaleFixable: true);
                }

                if (minimum is not { } min || maximum is not { } max)
                {
                    return ValueTypeReading.Invalid("[Scale] needs a minimum and a maximum", scaleFixable: true);
                }

                if (min >= max)
                {
                    return ValueTypeReading.Invalid($"[Scale({Format(min)}, {Format(max)})]: the minimum must be below the maximum", scaleFixable: true);
                }

                if (numeric == FeedbackTypeKind.Integer && (min != System.Math.Floor(min) || max != System.Math.Floor(max)))
                {
                    return ValueTypeReading.Invalid($"[Scale({Format(min)}, {Format(max)})]: an int scale needs whole-number ends", scaleFixable: true);
                }

                if (AttributeArguments.Named(scale, NotApplicableName) is { } named)
                {
                    var notApplicable = ToDouble(named)!.Value;
                    if (double.IsNaN(notApplicable))
                    {
                        return ValueTypeReading.Valid(spec.WithScale(min, max));
                    }

                    // The same rule FeedbackValueType.WithNotApplicable applies at run time.
                    if (NotApplicableRule.Problem(numeric, min, max, notApplicable) is { } problem)
                    {
                        return ValueTypeReading.Invalid($"[Scale({Format(min)}, {Format(max)}, NotApplicable = {Format(notApplicable)})]: {problem}", scaleFixable: false);
                    }

                    return ValueTypeReading.Valid(spec.WithScale(min, max, notApplicable));
                }

                return ValueTypeReading.Valid(spec.WithScale(min, max));
        }

        if (valueType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            if (scale is not null)
            {
                return ValueTypeReading.Invalid($"[Scale] applies only to int or double value types, not the enum {shortName}");
            }

            // A pairwise judge's values are A, B or Tie: Inconsistent is a judge's report on its two answers, never an answer.
            var members = clrType == PairwiseRule.PreferenceType
                ? PairwiseRule.Options.ToList()
                : enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToList();
            return members.Count == 0
                ? ValueTypeReading.Invalid($"the enum {shortName} has no members, so there is nothing to choose from")
                : ValueTypeReading.Valid(new ValueTypeSpec(FeedbackTypeKind.Categorical, clrType, shortName, null, null, new EquatableArray<string>(members)));
        }

        return ValueTypeReading.Invalid($"{shortName} is not a supported value type; use bool, int, double, string or an enum");
    }

    private static double? ToDouble(object? value) => value is null ? null : System.Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A value type read from a declaration: the spec, or the problem (and whether a different [Scale] fixes it).</summary>
internal sealed record ValueTypeReading(ValueTypeSpec? Spec, string? Problem, bool ScaleFixable)
{
    public static ValueTypeReading Valid(ValueTypeSpec spec) => new(spec, null, false);

    public static ValueTypeReading Invalid(string problem, bool scaleFixable = false) => new(null, problem, scaleFixable);
}
