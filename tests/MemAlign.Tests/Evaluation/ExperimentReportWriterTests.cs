using MemAlign.Reporting;
using System.Globalization;
using System.Diagnostics;
using MemAlign.Evaluation;

namespace MemAlign.Tests.Evaluation;

public class ExperimentReportWriterTests
{
    internal static ExperimentReport Sample() => new()
    {
        JudgeName = "helpfulness",
        Folds = 4,
        ComparableRows = 40,
        BaselineRows = 40,
        AlignedRows = 40,
        Metrics =
        [
            new MetricComparison("accuracy", false, new(0.5, 0.35, 0.65, 0.95), new(0.95, 0.875, 1.0, 0.95), new(0.45, 0.3, 0.6, 0.95)),
            new MetricComparison("Cohen's kappa", false, new(0, -0.1, 0.1, 0.95), new(0.9, 0.75, 1.0, 0.95), new(0.9, -0.05, 1.0, 0.95)),
        ],
        Ablations = new Dictionary<string, double?> { ["baseline"] = 0.5, ["semantic only"] = 0.5, ["episodic only"] = 0.95, ["aligned"] = 0.95 },
        LearningCurve = [new(0, 0.5), new(2, 0.6), new(5, 0.8), new(10, 0.9), new(25, 0.95)],
        FoldDetails = [],
        Cost = new ExperimentCost(320, new TokenUsage(12_000, 800), TimeSpan.FromSeconds(12.5)),
    };

    [Fact]
    public void The_console_table_shows_baseline_aligned_change_interval_and_significance()
    {
        var table = ExperimentReportWriter.ToConsoleTable(Sample());

        Assert.Contains("helpfulness: baseline vs aligned, 4-fold cross-validation, 40 held-out rows scored by both", table);
        Assert.Matches(@"accuracy\s+0\.500\s+0\.950\s+\+0\.450\s+\[0\.300, 0\.600\]\s+yes", table);
        Assert.Matches(@"Cohen's kappa\s+0\.000\s+0\.900\s+\+0\.900\s+\[-0\.050, 1\.000\]\s+no", table);
        Assert.Contains("learning curve (accuracy): 0 -> 0.500, 2 -> 0.600", table);
        Assert.Contains("cost: 320 model calls, 12800 tokens, 12.5 s", table);
    }

    [Fact]
    public void Markdown_has_the_comparison_ablation_and_curve_tables()
    {
        var markdown = ExperimentReportWriter.ToMarkdown(Sample());

        Assert.Contains("| accuracy | 0.500 [0.350, 0.650] | 0.950 [0.875, 1.000] | +0.450 [0.300, 0.600] | yes |", markdown);
        Assert.Contains("| episodic only | 0.950 |", markdown);
        Assert.Contains("| 25 | 0.950 |", markdown);
    }

    [Fact]
    public void Html_is_self_contained_with_both_charts()
    {
        var html = ExperimentReportWriter.ToHtml(Sample());

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg id=\"metrics-chart\"", html);
        Assert.Contains("<svg id=\"learning-curve\"", html);
        Assert.Equal(4, CountOf(html, "class=\"bar "));
        Assert.Equal(5, CountOf(html, "class=\"point\""));
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain(" href=", html);
        Assert.DoesNotContain("<script", html);
    }

    [ChromiumFact]
    public async Task Html_renders_in_headless_chromium_with_its_charts_and_leaves_a_screenshot()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "experiment-report.html");
        var screenshot = Path.Combine(folder, "experiment-report.png");
        await File.WriteAllTextAsync(page, ExperimentReportWriter.ToHtml(Sample()));
        File.Delete(screenshot);

        var dom = await ChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);
        await ChromiumAsync($"--screenshot={screenshot}", "--window-size=1000,1000", new Uri(page).AbsoluteUri);

        Assert.Contains("id=\"metrics-chart\"", dom);
        Assert.Contains("id=\"learning-curve\"", dom);
        Assert.Equal(4, CountOf(dom, "class=\"bar "));
        Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, "no screenshot, or an empty one");
    }

    private static async Task<string> ChromiumAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(Path.GetTempPath(), "memalign-chromium-" + Guid.NewGuid().ToString("N"))}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

/// <summary>A test that needs Debian's chromium; reported as skipped, with the reason, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"Needs {Path} (Debian's chromium package); .ci/run installs it.";
        }
    }
}

public class MultiJudgeReportTests
{
    [Fact]
    public void A_page_for_several_judges_has_a_summary_chart_with_a_row_per_judge_and_unique_ids()
    {
        var first = ExperimentReportWriterTests.Sample();
        var second = first with { JudgeName = "code_quality" };

        var html = ExperimentReportWriter.ToHtml([first, second], "Notebook quality judges");

        Assert.Contains("<title>Notebook quality judges</title>", html);
        Assert.Contains("<svg id=\"judges-chart\"", html);
        Assert.Contains(">helpfulness (accuracy)</text>", html);
        Assert.Contains(">code_quality (accuracy)</text>", html);
        Assert.Equal(2, html.Split("<section>").Length - 1);
        Assert.DoesNotContain("id=\"metrics-chart\"", html); // repeated per judge, so classes, not ids
        Assert.Equal(2, html.Split("class=\"learning-curve\"").Length - 1);
    }

    [Fact]
    public void Errors_of_different_judges_share_one_scale_so_their_bars_compare()
    {
        static ExperimentReport WithMae(string judge, double baseline, double aligned) => ExperimentReportWriterTests.Sample() with
        {
            JudgeName = judge,
            Metrics = [new MetricComparison("MAE", true, new(baseline, baseline, baseline, 0.95), new(aligned, aligned, aligned, 0.95), new(aligned - baseline, aligned - baseline, aligned - baseline, 0.95))],
        };

        var html = ExperimentReportWriter.ToHtml([WithMae("small_errors", 0.2, 0.1), WithMae("exploratory_data_analysis_long_name", 0.8, 0.4)], "Errors");

        var summary = html[html.IndexOf("<svg id=\"judges-chart\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</svg>", StringComparison.Ordinal)];
        var widths = System.Text.RegularExpressions.Regex.Matches(summary, "class=\"bar (?:baseline|aligned)\" x=\"(\\d+)\" y=\"\\d+\" width=\"([\\d.]+)\"")
            .Select(m => (Left: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Width: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(4, widths.Count);
        Assert.Equal([105.0, 52.5, 420.0, 210.0], widths.Select(w => w.Width)); // 0.2, 0.1, 0.8, 0.4 on one 0..0.8 scale of 420 px
        Assert.All(widths, w => Assert.True(w.Left >= "exploratory_data_analysis_long_name (MAE)".Length * 7, $"bars start at {w.Left}, under the label"));
    }
}
