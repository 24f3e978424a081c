using System.Text.Json;
using MemAlign.Alignment;
using MemAlign.Evaluation;
using MemAlign.Prompting;
using MemAlign.Storage;
using MemAlign.Sqlite;
using MemAlign.Tests.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests;

/// <summary>
/// "Not applicable" as a first-class value of a numeric scale (issue 25, 3): declared once, answered by the judge,
/// carried by labels, learned from in alignment, and reported apart from the error on the scale.
/// </summary>
public sealed class NotApplicableTests : IAsyncDisposable
{
    private static readonly FeedbackValueType Depth = FeedbackValueType.Integer(1, 3).WithNotApplicable(0);

    private static readonly JudgeDefinition Definition = JudgeDefinition.Create("depth", "How deep is {{ outputs }} for {{ inputs }}?", Depth);

    private readonly string _store = StoreEnvironment.TempDatabase();

    [Fact]
    public void The_declared_value_is_allowed_beside_the_scale_and_every_other_value_off_the_scale_is_refused_naming_it()
    {
        Assert.True(Depth.TryNormalize(FeedbackValue.FromText("0"), out var value, out _));
        Assert.Equal(FeedbackValue.FromNumber(0), value);
        Assert.True(Depth.IsNotApplicable(value));
        Assert.False(Depth.IsNotApplicable(FeedbackValue.FromNumber(2)));

        Assert.False(Depth.TryNormalize(FeedbackValue.FromNumber(4), out _, out var error));
        Assert.Equal(": 4 is outside the scale 1..3 and is not its 'not applicable' value 0.", error);
        Assert.False(FeedbackValueType.Integer(1, 3).TryNormalize(FeedbackValue.FromNumber(0), out _, out _));

        Assert.Equal("integer 1..3 (not applicable 0)", Depth.ToString());
        Assert.NotEqual(FeedbackValueType.Integer(1, 3), Depth);
        Assert.Equal(FeedbackValueType.Integer(1, 3), Depth.WithoutNotApplicable());
        Assert.Equal(Depth, FeedbackValueType.Integer(1, 3).WithNotApplicable(0));
    }

    [Fact]
    public void A_not_applicable_value_on_the_scale_not_whole_or_on_a_non_numeric_type_is_refused()
    {
        Assert.Contains("is on the scale 1..3", Assert.Throws<ArgumentException>(() => FeedbackValueType.Integer(1, 3).WithNotApplicable(2)).Message);
        Assert.Contains("must be a whole number", Assert.Throws<ArgumentException>(() => FeedbackValueType.Integer(1, 3).WithNotApplicable(-0.5)).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => FeedbackValueType.Number(0, 1).WithNotApplicable(double.NaN)).Message);
        Assert.Throws<InvalidOperationException>(() => FeedbackValueType.Boolean.WithNotApplicable(0));
        Assert.Equal(-1, FeedbackValueType.Number(0, 1).WithNotApplicable(-1).NotApplicable);
    }

    [Fact]
    public void The_prompt_tells_the_model_the_value_and_the_reply_schema_allows_it_beside_the_scale()
    {
        var system = JudgePromptBuilder.SystemText(Definition, []);
        Assert.Contains("where \"result\" is a whole number from 1 to 3, or 0 when the question does not apply to this case.", system);

        var result = ResultSchema.For(Depth).GetProperty("properties").GetProperty("result");
        var choices = result.GetProperty("anyOf").EnumerateArray().ToList();
        Assert.Equal((1, 3), (choices[0].GetProperty("minimum").GetInt32(), choices[0].GetProperty("maximum").GetInt32()));
        Assert.Equal(0, Assert.Single(choices[1].GetProperty("enum").EnumerateArray()).GetInt32());
        Assert.False(ResultSchema.For(FeedbackValueType.Integer(1, 3)).GetProperty("properties").GetProperty("result").TryGetProperty("anyOf", out _));
    }

    [Theory]
    [InlineData("0", true, 0)]
    [InlineData("2", false, 2)]
    public async Task A_typed_verdict_says_whether_the_judge_answered_not_applicable(string result, bool notApplicable, int value)
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response($"{{\"rationale\": \"r\", \"result\": {result}}}"));

        var verdict = await new Judge<int>(Definition, model).EvaluateAsync(Trace.Create("t", "q", "a"));

        Assert.True(verdict.IsSuccess);
        Assert.Equal((notApplicable, value), (verdict.IsNotApplicable, verdict.Value));
    }

    [Fact]
    public async Task A_value_off_the_scale_that_is_not_the_declared_one_is_an_error_verdict()
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"r\", \"result\": 7}"));

        var verdict = await new Judge<int>(Definition, model).EvaluateAsync(Trace.Create("t", "q", "a"));

        Assert.False(verdict.IsSuccess);
        Assert.False(verdict.IsNotApplicable);
        Assert.Contains("or 0 when the question does not apply", verdict.Error!.Message);
    }

    [Fact]
    public async Task An_imported_label_may_carry_it_and_another_value_off_the_scale_fails_naming_the_trace_and_line()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(_store);
        static string Line(string id, int value) =>
            $$$"""{"trace_id": "{{{id}}}", "inputs": "q", "outputs": "a", "assessments": [{"name": "depth", "value": {{{value}}}, "source": {"type": "HUMAN", "id": "ann"}}]}""";
        var file = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Line("t1", 0), Line("t2", 2), Line("t3", 5)) + "\n");

        var report = await MemAlign.Import.TraceImporter.ImportAsync(store, "default", MemAlign.Import.TraceFile.Read(file),
            new MemAlign.Import.ImportOptions { Judges = new Dictionary<string, FeedbackValueType> { ["depth"] = Depth } });

        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, "t3"), (problem.Line, problem.TraceId));
        Assert.Contains("not its 'not applicable' value 0", problem.Message);
        Assert.Equal(FeedbackValue.FromNumber(0), (await store.GetTraceAsync("default", "t1"))!.Assessments.Single().Value);
    }

    [Fact]
    public async Task Alignment_keeps_not_applicable_examples_and_gives_them_to_the_guideline_distiller()
    {
        var reflection = new ScriptedChatClient(fallback: request => ScriptedChatClient.Response(JsonSerializer.Serialize(new
        {
            guidelines = new[] { new { guideline_text = "Setup questions do not apply to pure theory.", source_trace_ids = new[] { "theory" } } },
        })));
        var traces = new[] { Rated("theory", "prove the lemma", 0), Rated("setup", "install the package", 3) };
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = reflection, EmbeddingGenerator = new LocalEmbeddingGenerator(16) });

        var (aligned, _) = await new Judge<int>(Definition, new ScriptedChatClient()).AlignAsync(traces, optimizer);

        Assert.Equal(FeedbackValue.FromNumber(0), aligned.Memory.Examples.Single(e => e.TraceId == "theory").Value);
        Assert.Equal(["theory"], Assert.Single(aligned.Memory.Guidelines).SourceTraceIds);
        var distilled = Assert.Single(reflection.Requests).User;
        Assert.Contains("\"id\":\"theory\"", distilled, StringComparison.Ordinal);
        Assert.Contains("or 0 when the question does not apply", string.Join("\n", Assert.Single(reflection.Requests).Messages.Select(m => m.Text)));
    }

    [Fact]
    public async Task The_local_judge_answers_not_applicable_when_most_similar_examples_did_and_averages_only_ratings_otherwise()
    {
        var traces = new[]
        {
            Rated("a", "pure theory proof of a lemma", 0),
            Rated("b", "pure theory proof of a lemma", 0),
            Rated("c", "install the package and run it", 3),
            Rated("d", "install the package and run it", 2),
        };
        Judge<int> aligned = await Judge.CreateLocal<int>(Definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 2 }));

        var theory = await aligned.EvaluateAsync(Trace.Create("q1", "pure theory proof of a lemma", "x"));
        var setup = await aligned.EvaluateAsync(Trace.Create("q2", "install the package and run it", "x"));

        Assert.Equal((true, 0), (theory.IsNotApplicable, theory.Value));
        Assert.Contains("not applicable", theory.Rationale);
        Assert.False(setup.IsNotApplicable);
        Assert.InRange(setup.Value, 2, 3); // the 0s of the other traces never drag a rating down
    }

    [Fact]
    public async Task The_declared_value_survives_the_store_and_a_memory_file_and_judges_without_one_read_unchanged()
    {
        await using (var store = await SqliteMemAlignStore.OpenAsync(_store))
        {
            await store.RegisterJudgeAsync(IMemAlignStore.DefaultExperiment, Definition, JudgeMemory.Empty);
            await store.RegisterJudgeAsync(IMemAlignStore.DefaultExperiment, JudgeDefinition.Create("plain", "{{ outputs }}", FeedbackValueType.Integer(1, 3)), JudgeMemory.Empty);
        }

        await using (var store = await SqliteMemAlignStore.OpenAsync(_store))
        {
            var depth = (await store.GetJudgeAsync(IMemAlignStore.DefaultExperiment, "depth"))!;
            var plain = (await store.GetJudgeAsync(IMemAlignStore.DefaultExperiment, "plain"))!;
            Assert.Equal(Depth, depth.Definition.ValueType);
            Assert.Equal(0, depth.Info.ValueType.NotApplicable);
            Assert.Null(plain.Definition.ValueType.NotApplicable);
        }

        var memory = new JudgeMemory([], [new EpisodicExample("e", "t", 0, "n/a", new Dictionary<string, string> { ["inputs"] = "q" }, "inputs", new float[] { 1, 0 }, "fp", true)], "m", 2, 3);
        var json = JudgeMemoryFile.Create(Definition, memory).ToJson();
        var read = JudgeMemoryFile.Parse(json);
        Assert.Contains("\"not_applicable\": 0", json, StringComparison.Ordinal);
        Assert.Equal(Depth, read.ValueType);
        Assert.Null(read.Staleness(Definition));
        Assert.Contains("the value type was integer 1..3 (not applicable 0), now integer 1..3", read.Staleness(JudgeDefinition.Create("depth", Definition.Instructions, FeedbackValueType.Integer(1, 3))));
        Assert.DoesNotContain("not_applicable", JudgeMemoryFile.Create(JudgeDefinition.Create("depth", Definition.Instructions, FeedbackValueType.Integer(1, 3)), JudgeMemory.Empty).ToJson(), StringComparison.Ordinal);

        var onScale = json.Replace("\"not_applicable\": 0", "\"not_applicable\": 2", StringComparison.Ordinal);
        Assert.Contains("is on the scale 1..3", Assert.Throws<JudgeMemoryFileException>(() => JudgeMemoryFile.Parse(onScale)).Message);
    }

    [Fact]
    public void Numeric_agreement_reports_applicability_apart_from_the_error_over_rows_both_found_applicable()
    {
        // (human, judge): two agree it does not apply, one the judge rated though the human said n/a, one the reverse, two rated.
        var pairs = new List<(double, double)> { (0, 0), (0, 0), (0, 2), (3, 0), (1, 2), (3, 3) };

        var agreement = NumericAgreement.Compute(pairs, 1, 3, notApplicable: 0);

        Assert.Equal((2, 4), (agreement.Count, agreement.NotApplicable));
        Assert.Equal(0.5, agreement.MeanAbsoluteError); // |1-2| and |3-3| only
        var applicability = agreement.Applicability!;
        Assert.Equal(4.0 / 6, applicability.Accuracy!.Value, 12);

        // Cohen's kappa by hand: p_o = 4/6; humans 3 n/a of 6, judge 3 n/a of 6, so p_e = 0.5; kappa = (2/3 - 1/2) / (1/2) = 1/3.
        Assert.Equal(1.0 / 3, applicability.CohensKappa!.Value, 12);
        Assert.Null(NumericAgreement.Compute(pairs, 1, 3).Applicability);
    }

    [Fact]
    public async Task An_experiment_on_a_declaring_judge_reports_applicability_after_the_scale_and_needs_no_option()
    {
        var traces = Enumerable.Range(0, 16).Select(i => Rated($"r{i:D2}", i % 4 == 0 ? $"theory {i}" : $"setup {i}", i % 4 == 0 ? 0 : i % 3 == 0 ? 3 : 2)).ToList();

        // The model answers "not applicable" for theory traces and 2 for the rest.
        var model = new ScriptedChatClient(fallback: request => ScriptedChatClient.Response(
            $"{{\"rationale\": \"r\", \"result\": {(request.LastUser.Contains("theory", StringComparison.Ordinal) ? 0 : 2)}}}"));
        var options = new ExperimentOptions { Folds = 2, BootstrapResamples = 1_000, Ablations = false, LearningCurve = [] };

        var report = await AlignmentExperiment.RunAsync(new Judge<int>(Definition, model), traces, options: options);

        Assert.Equal(["MAE", "exact agreement", "within-1 agreement", "quadratic weighted kappa", "Krippendorff's alpha (interval)", "Spearman", "Lin's concordance",
            "applicability accuracy", "applicability kappa"], report.Metrics.Select(m => m.Name));
        Assert.True(report.NotApplicableDeclared);
        Assert.Equal((0.0, 4, 16), (report.NotApplicable!.Value, report.NotApplicableRows, report.ComparableRows));
        var accuracy = report.Metrics.Single(m => m.Name == "applicability accuracy");
        Assert.Equal(1.0, accuracy.Baseline!.Estimate); // the unaligned model already tells theory from setup
        Assert.Equal(0.75, accuracy.Majority!.Estimate); // the training labels' most common value is 2, so always "applicable": 12 of 16
        Assert.Equal(1.0, report.Metrics.Single(m => m.Name == "applicability kappa").Baseline!.Estimate);

        // MAE over the 12 rows both found applicable: ratings 2 and 3 against a constant 2.
        var expected = traces.Where((_, i) => i % 4 != 0).Average(t => Math.Abs(t.Assessments[0].Value.AsNumber() - 2));
        Assert.Equal(expected, report.Primary.Baseline!.Estimate, 12);

        Assert.Contains(report.Findings, f => f.StartsWith("Applicability ('not applicable' is 0): the aligned judge and the humans agree whether the question applies on", StringComparison.Ordinal));

        var contradiction = await Assert.ThrowsAsync<ArgumentException>(() => AlignmentExperiment.RunAsync(new Judge<int>(Definition, model), traces, options: options with { NotApplicable = -1 }));
        Assert.Contains("Judge 'depth' declares 0 as its 'not applicable' value", contradiction.Message);
        var same = await AlignmentExperiment.RunAsync(new Judge<int>(Definition, model), traces, options: options with { NotApplicable = 0 });
        Assert.Equal(report.Metrics, same.Metrics);
    }

    [Fact]
    public void An_evaluation_report_gives_applicability_with_its_majority_reference_and_the_scale_error_apart()
    {
        var run = new EvaluationRun("run-1", "default", "evaluate depth@1", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());
        var rows = new (string Id, int Human, int Judge)[] { ("a", 0, 0), ("b", 3, 0), ("c", 2, 2), ("d", 3, 1) };
        var traces = rows.Select(r => Rated(r.Id, "q", r.Human)).ToList();
        var records = rows.Select(r => new EvaluationRecord { TraceId = r.Id, JudgeName = "depth", Value = r.Judge, Rationale = "r" }).ToList();

        var report = EvaluationReport.Build(run, Definition, records, traces);

        Assert.Equal(0, report.NotApplicable);
        Assert.Equal((2, 2, 1.0), (report.Numeric!.Count, report.Numeric.NotApplicable, report.Numeric.MeanAbsoluteError)); // |2-2| and |3-1|
        Assert.Equal(0.75, report.Numeric.Applicability!.Accuracy);
        Assert.Equal(("applicable", 0.75), (report.ApplicabilityMajorityLabel, report.ApplicabilityMajorityScore));
        Assert.Equal("3", report.MajorityLabel); // the most common rating, not the 0
        Assert.Contains("applicability_accuracy", report.Intervals.Keys);
        var markdown = Reporting.EvaluationReportWriter.ToMarkdown(report);
        Assert.Contains("Applicability ('not applicable' is 0): the judge and the experts agree whether the question applies on 0.750", markdown);
        Assert.Contains("Applicability reference: always answering 'applicable' scores accuracy 0.750, kappa 0.", markdown);
    }

    private static Trace Rated(string id, string inputs, int rating) =>
        Trace.Create(id, inputs, "answer").WithAssessment(new Assessment("depth", rating, AssessmentSource.Human("expert"), rating == 0 ? "does not apply" : $"rated {rating}"));

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(_store)))
        {
            Directory.Delete(Path.GetDirectoryName(_store)!, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
