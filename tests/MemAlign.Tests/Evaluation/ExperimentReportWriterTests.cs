using MemAlign.Reporting;
using System.Globalization;
using System.Diagnostics;
using MemAlign.Evaluation;
using MemAlign.Testing;

namespace MemAlign.Tests.Evaluation;

public class ExperimentReportWriterTests
{
    internal static ExperimentReport Sample() => new()
    {
        JudgeName = "helpfulness",
        Folds = 4,
        TrainTraces = 40,
        TestTraces = 40,
        ComparableRows = 40,
        BaselineRows = 40,
        AlignedRows = 40,
        MajorityLabel = "true",
        Metrics =
        [
            new MetricComparison("accuracy", false, new(0.5, 0.35, 0.65, 0.95), new(0.95, 0.875, 1.0, 0.95), new(0.45, 0.3, 0.6, 0.95))
            {
                Majority = new(0.6, 0.45, 0.75, 0.95), VersusMajority = new(0.35, 0.2, 0.5, 0.95),
            },
            new MetricComparison("Cohen's kappa", false, new(0, -0.1, 0.1, 0.95), new(0.9, 0.75, 1.0, 0.95), new(0.9, -0.05, 1.0, 0.95))
            {
                Majority = new(0, 0, 0, 0.95), VersusMajority = new(0.9, 0.75, 1.0, 0.95),
            },
        ],
        HumanAgreement = new HumanAgreement
        {
            JudgeName = "helpfulness",
            LabelledTraces = 40,
            MultiplyLabelledTraces = 30,
            Reviewers = 3,
            CheckStatistic = "Krippendorff's alpha (nominal)",
            CheckValue = 0.7,
            CheckInterval = new(0.7, 0.55, 0.82, 0.95),
            Statistics = new InterRaterAgreement
            {
                Items = 30, ItemsUsed = 30, Raters = 3, Ratings = 90, RaterPairs = 3, RaterPairsUsed = 3, Pairs = [],
                MeanCohensKappa = 0.71, MeanCohensKappaInterval = new(0.71, 0.56, 0.83, 0.95),
                FleissKappa = 0.7, FleissKappaInterval = new(0.7, 0.55, 0.82, 0.95),
                AlphaNominal = 0.7, AlphaNominalInterval = new(0.7, 0.55, 0.82, 0.95),
            },
        },
        Findings = ["Baseline: the judge without memory.", "Majority reference: always answering 'true' scores accuracy 0.600 (kappa 0)."],
        Ablations = new Dictionary<string, double?> { ["baseline"] = 0.5, ["semantic only"] = 0.5, ["episodic only"] = 0.95, ["aligned"] = 0.95 },
        LearningCurve = [Point(0, 0.5, 0.5, 0.5), Point(2, 0.6, 0.55, 0.65), Point(5, 0.8, 0.7, 0.85), Point(10, 0.9, 0.85, 0.95), Point(25, 0.95, 0.95, 0.95)],
        LearningCurveRepeats = 3,
        FoldDetails = [],
        Cost = new ExperimentCost(320, new TokenUsage(12_000, 800) { CachedInputTokens = 9_000 }, TimeSpan.FromSeconds(12.5)),
    };

    private static LearningCurvePoint Point(int examples, double mean, double lower, double upper) =>
        new(examples, mean) { Lower = lower, Upper = upper, Kappa = (mean * 2) - 1, KappaLower = (lower * 2) - 1, KappaUpper = (upper * 2) - 1, Labels = new Dictionary<string, int> { ["true"] = examples, ["false"] = examples } };

    [Fact]
    public void The_console_table_shows_baseline_aligned_majority_change_interval_significance_and_findings()
    {
        var table = ExperimentReportWriter.ToConsoleTable(Sample());

        Assert.Contains("helpfulness: baseline vs aligned, 4-fold cross-validation on 40 labelled traces, each held out once; 40 rows scored by baseline and aligned", table);
        Assert.Matches(@"accuracy\s+0\.500\s+0\.950\s+0\.600\s+\+0\.450\s+\[0\.300, 0\.600\]\s+yes", table);
        Assert.Matches(@"Cohen's kappa\s+0\.000\s+0\.900\s+0\.000\s+\+0\.900\s+\[-0\.050, 1\.000\]\s+no", table);
        Assert.Contains("* Majority reference: always answering 'true' scores accuracy 0.600 (kappa 0).", table);
        Assert.Contains("learning curve (accuracy, mean [range] over 3 stratified sample(s) per size; majority 0.600): 0 -> 0.500 [0.500, 0.500], 2 -> 0.600 [0.550, 0.650]", table);
        Assert.Contains("cost: 320 model calls, 12000 input tokens (9000 cached), 800 output tokens, 12.5 s", table);
    }

    [Fact]
    public void Markdown_has_the_comparison_with_the_majority_the_human_agreement_ablation_and_curve_tables()
    {
        var markdown = ExperimentReportWriter.ToMarkdown(Sample());

        Assert.Contains("| accuracy | 0.500 [0.350, 0.650] | 0.950 [0.875, 1.000] | 0.600 [0.450, 0.750] | +0.450 [0.300, 0.600] | yes |", markdown);
        Assert.Contains("## Human-human agreement", markdown);
        Assert.Contains("| Cohen's kappa, mean over pairs of experts | 0.710 [0.560, 0.830] |", markdown);
        Assert.Contains("| Fleiss' kappa | 0.700 [0.550, 0.820] |", markdown);
        Assert.Contains("| episodic only | 0.950 |", markdown);
        Assert.Contains("| 2 | 0.600 [0.550, 0.650] | 0.200 [0.100, 0.300] | false: 2, true: 2 |", markdown);
        Assert.Contains("- Baseline: the judge without memory.", markdown);
    }

    [Fact]
    public void Html_is_self_contained_with_both_charts()
    {
        var html = ExperimentReportWriter.ToHtml(Sample());

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg id=\"metrics-chart\"", html);
        Assert.Contains("<svg id=\"learning-curve\"", html);
        Assert.Contains("<svg id=\"kappa-curve\"", html);
        Assert.Equal(4, CountOf(html, "class=\"bar "));
        Assert.Equal(10, CountOf(html, "class=\"point\"")); // both curves
        Assert.Equal(2, CountOf(html, "class=\"band\""));
        Assert.Equal(4, CountOf(html, "class=\"majority\"")); // a mark on each metric's bars and a line on each curve
        Assert.Equal(2, CountOf(html, "class=\"human-band\"")); // on the kappa bars and the kappa curve
        Assert.Contains("class=\"human-agreement\"", html);
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
        var start = new ProcessStartInfo(TestMachine.ChromiumPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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

/// <summary>Markdown reports are opened in viewers that render HTML: untrusted text (trace ids, labels, rationales) shows as itself (issue 21, 2.8).</summary>
public class MarkdownEscapingTests
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public void An_evaluation_report_in_Markdown_escapes_HTML_and_Markdown_from_trace_ids_labels_and_rationales()
    {
        var judge = JudgeDefinition.Create("tone", "{{ outputs }}", FeedbackValueType.Categorical(["calm", "<b>angry</b>"]));
        var id = "<img src=x onerror=alert(1)>|`[x](javascript:alert(1))";
        var trace = Trace.Create(id, "q", "a").WithAssessment(new Assessment("tone", "<b>angry</b>", AssessmentSource.Human("ann"), null));
        var run = new EvaluationRun("run-1", "default", "evaluate tone@1", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());
        var record = new EvaluationRecord { TraceId = id, JudgeName = "tone", Value = "calm", Rationale = $"Calm.\n{Script} **bold** ![i](http://evil/x.png)" };

        var markdown = Reporting.EvaluationReportWriter.ToMarkdown(EvaluationReport.Build(run, judge, [record], [trace]));

        Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", markdown); // the bracket is escaped: no link
        Assert.DoesNotMatch(@"(?<!\\)!\[i", markdown);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\*", markdown, StringComparison.Ordinal);
        Assert.Contains("| &lt;img src=x onerror=alert(1)&gt;\\|\\`\\[x\\](javascript:alert(1)) | &lt;b&gt;angry&lt;/b&gt; | calm |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_report_in_Markdown_escapes_the_most_disagreed_traces_and_their_labels()
    {
        var report = ExperimentReportWriterTests.Sample();
        report = report with
        {
            HumanAgreement = report.HumanAgreement! with
            {
                MostDisagreed = [new DisagreedTrace("x`<img src=x onerror=alert(1)>", new Dictionary<string, string> { ["ann"] = Script, ["bob"] = "true" }, 0.5)],
            },
        };

        var markdown = ExperimentReportWriter.ToMarkdown(report);

        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
        Assert.Contains("Most disagreed traces: x\\`&lt;img src=x onerror=alert(1)&gt; (ann: &lt;script&gt;alert(1)&lt;/script&gt;, bob: true).", markdown, StringComparison.Ordinal);
    }
}
