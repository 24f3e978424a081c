using System.Globalization;
using MemAlign.Evaluation;

namespace MemAlign.Reporting;

/// <summary>
/// How every report, finding and command prints a figure: three decimals, invariant culture, "n/a" for a
/// statistic undefined on the data; intervals as "95% CI 0.100 to 0.300" in sentences and "[0.100, 0.300]" in
/// tables. The one place for it, so a figure reads the same in the console, Markdown, HTML and the tool.
/// </summary>
internal static class Figures
{
    /// <summary>What an undefined statistic prints as.</summary>
    public const string NotAvailable = "n/a";

    /// <summary>0.123, or n/a.</summary>
    public static string Value(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>+0.123, -0.123 or 0.000 (a change), or n/a.</summary>
    public static string Signed(double? value) => value is { } v ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>"95% CI 0.100 to 0.300", or n/a.</summary>
    public static string Interval(ConfidenceInterval? interval) =>
        interval is { } i ? $"{i.Level.ToString("0.##%", CultureInfo.InvariantCulture)} CI {Value(i.Lower)} to {Value(i.Upper)}" : NotAvailable;

    /// <summary>" (95% CI 0.100 to 0.300)" to follow a value in a sentence, or nothing without an interval.</summary>
    public static string IntervalNote(ConfidenceInterval? interval) => interval is null ? "" : $" ({Interval(interval)})";

    /// <summary>"[0.100, 0.300]": an interval, or the lowest and highest of several runs, in a table cell.</summary>
    public static string Range(double? lower, double? upper) => $"[{Value(lower)}, {Value(upper)}]";

    /// <summary>"[0.100, 0.300]", or n/a.</summary>
    public static string Range(ConfidenceInterval? interval) => interval is null ? NotAvailable : Range(interval.Lower, interval.Upper);

    /// <summary>"0.200 [0.100, 0.300]": an estimate with its interval, or n/a.</summary>
    public static string ValueAndRange(ConfidenceInterval? interval) => interval is null ? NotAvailable : Value(interval.Estimate) + " " + Range(interval);
}
