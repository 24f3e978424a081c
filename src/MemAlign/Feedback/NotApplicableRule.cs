using System;
using System.Globalization;

namespace MemAlign;

/// <summary>
/// When a value can mean "does not apply" on a numeric scale: finite, outside the scale (so it is never mistaken for a
/// rating), and whole on a whole-number scale. Compiled into the runtime and the generator (which links this file), so
/// <c>[Scale(NotApplicable = ...)]</c> is checked at build time by the rule <c>FeedbackValueType.WithNotApplicable</c> applies.
/// </summary>
internal static class NotApplicableRule
{
    /// <summary>Why <paramref name="value"/> cannot mean "not applicable" on the scale, or <see langword="null"/> when it can.</summary>
    public static string? Problem(FeedbackTypeKind kind, double minimum, double maximum, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "a 'not applicable' value must be a finite number";
        }

        if (value >= minimum && value <= maximum)
        {
            return $"the 'not applicable' value {Format(value)} is on the scale {Format(minimum)}..{Format(maximum)}; choose one outside it (such as {Format(minimum - 1)}), so it cannot be mistaken for a rating";
        }

        return kind == FeedbackTypeKind.Integer && value != Math.Floor(value)
            ? $"the 'not applicable' value {Format(value)} of a whole-number scale must be a whole number"
            : null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
