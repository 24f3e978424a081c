using System.Globalization;
using System.Linq;
using MemAlign.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// Reads a judge's or label schema's value type from its base type argument and [Scale]: bool, int or
/// double on a scale, an enum (its members are the options), or string (free text).
/// </summary>
internal static class ValueTypeReader
{
    /// <summary>The value type, or why it is invalid (MAJ010).</summary>
    public static (ValueTypeSpec? Spec, string? Problem) Read(ITypeSymbol valueType, AttributeData? scale)
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
                return scale is null
                    ? (new ValueTypeSpec(valueType.SpecialType == SpecialType.System_Boolean ? "Boolean" : "Text", clrType, shortName, null, null, none), null)
                    : (null, $"[Scale] applies only to int or double value types, not {shortName}");
            case SpecialType.System_Int32 or SpecialType.System_Double:
                var kind = valueType.SpecialType == SpecialType.System_Int32 ? "Integer" : "Number";
                if (minimum is not { } min || maximum is not { } max)
                {
                    return (null, $"a numeric ({shortName}) value type needs a scale: add [Scale(min, max)]");
                }

                if (min >= max)
                {
                    return (null, $"[Scale({Format(min)}, {Format(max)})]: the minimum must be below the maximum");
                }

                if (kind == "Integer" && (min != System.Math.Floor(min) || max != System.Math.Floor(max)))
                {
                    return (null, $"[Scale({Format(min)}, {Format(max)})]: an int scale needs whole-number ends");
                }

                return (new ValueTypeSpec(kind, clrType, shortName, min, max, none), null);
        }

        if (valueType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            if (scale is not null)
            {
                return (null, $"[Scale] applies only to int or double value types, not the enum {shortName}");
            }

            var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToList();
            return members.Count == 0
                ? (null, $"the enum {shortName} has no members, so there is nothing to choose from")
                : (new ValueTypeSpec("Categorical", clrType, shortName, null, null, new EquatableArray<string>(members)), null);
        }

        return (null, $"{shortName} is not a supported value type; use bool, int, double, string or an enum");
    }

    private static double? ToDouble(object? value) => value is null ? null : System.Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
