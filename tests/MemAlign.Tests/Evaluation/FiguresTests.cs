using System.Globalization;
using MemAlign.Evaluation;
using MemAlign.Reporting;

namespace MemAlign.Tests.Evaluation;

/// <summary>The one formatter every report, finding and the tool print figures and intervals with.</summary>
public class FiguresTests
{
    [Fact]
    public void A_figure_has_three_decimals_in_any_culture_and_an_undefined_one_is_n_a()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // a decimal comma, were the culture used
            Assert.Equal(["0.123", "1.000", "-0.500", "n/a"], new double?[] { 0.12345, 1, -0.5, null }.Select(Figures.Value));
            Assert.Equal(["+0.123", "-0.123", "0.000", "n/a"], new double?[] { 0.1234, -0.1234, 0, null }.Select(Figures.Signed));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void An_interval_reads_with_its_level_in_a_sentence_and_as_a_range_in_a_table()
    {
        var interval = new ConfidenceInterval(0.2, 0.1, 0.3, 0.95);

        Assert.Equal("95% CI 0.100 to 0.300", Figures.Interval(interval));
        Assert.Equal("90% CI 0.100 to 0.300", Figures.Interval(interval with { Level = 0.9 }));
        Assert.Equal(" (95% CI 0.100 to 0.300)", Figures.IntervalNote(interval));
        Assert.Equal("", Figures.IntervalNote(null));
        Assert.Equal("[0.100, 0.300]", Figures.Range(interval));
        Assert.Equal("[0.100, n/a]", Figures.Range(0.1, null));
        Assert.Equal("0.200 [0.100, 0.300]", Figures.ValueAndRange(interval));
        Assert.Equal(["n/a", "n/a"], [Figures.Range(null), Figures.ValueAndRange(null)]);
    }

    [Fact]
    public void The_reports_print_their_figures_through_it()
    {
        var report = ExperimentReportWriterTests.Sample();
        var accuracy = report.Metrics[0];

        var table = ExperimentReportWriter.ToConsoleTable(report);
        var markdown = ExperimentReportWriter.ToMarkdown(report);

        Assert.Contains($"{Figures.Signed(accuracy.Difference!.Estimate),-9} {Figures.Range(accuracy.Difference),-20}", table);
        Assert.Contains($"| {Figures.ValueAndRange(accuracy.Baseline)} | {Figures.ValueAndRange(accuracy.Aligned)} |", markdown);
        Assert.Contains($"(difference {Figures.Signed(0.35)}, {Figures.Interval(accuracy.VersusMajority)})", string.Join("\n", ExperimentFindings.For(report)));
    }
}
