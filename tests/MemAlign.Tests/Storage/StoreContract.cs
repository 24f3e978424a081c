using System.Text;
using MemAlign.Evaluation;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests.Storage;

/// <summary>
/// The behaviour every store must have, run against SQLite (<see cref="SqliteStoreTests"/>) and PostgreSQL
/// (<see cref="PostgreSqlStoreTests"/>). Each test works in its own experiment, so tests can share a server.
/// </summary>
public abstract partial class StoreContract
{
    protected string Experiment { get; } = "exp-" + Guid.NewGuid().ToString("N")[..10];

    protected abstract Task<IMemAlignStore> OpenAsync();

    /// <summary>Every file (or table file) the store's data lives in, for the forgetting test.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ReadStorageAsync(IMemAlignStore store);

    protected static Trace Sample(string id, string question = "Where is my order?", DateTimeOffset? at = null) =>
        new(id)
        {
            Inputs = System.Text.Json.JsonSerializer.SerializeToElement(new { question, order = new { id = 42, items = new[] { "sweater" } } }),
            Outputs = System.Text.Json.JsonSerializer.SerializeToElement("It ships tomorrow."),
            Expectations = System.Text.Json.JsonSerializer.SerializeToElement(new[] { "ships", "tomorrow" }),
            Metadata = new Dictionary<string, string> { ["channel"] = "chat" },
            Tags = new Dictionary<string, string> { ["eval"] = "complete" },
            CreatedAt = at ?? new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero),
            Assessments =
            [
                new Assessment("helpfulness", true, AssessmentSource.Human("expert1"), "Direct answer.", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)) { Id = $"{id}-h" },
                new Assessment("Helpfulness ", false, AssessmentSource.LlmJudge("gpt"), "Too short.", new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero)) { Id = $"{id}-j" },
            ],
        };

    protected async Task Traces_round_trip_and_adding_them_again_changes_nothing()
    {
        await using var store = await OpenAsync();
        var trace = Sample("t1");

        Assert.Equal(1, await store.AddTraceAsync(Experiment, trace));
        Assert.Equal(1, await store.AddTracesAsync(Experiment, [trace]));
        var loaded = await store.GetTraceAsync(Experiment, "t1");

        Assert.NotNull(loaded);
        Assert.Equal(trace.Inputs!.Value.GetRawText(), loaded.Inputs!.Value.GetRawText());
        Assert.Equal("It ships tomorrow.", loaded.Outputs!.Value.GetString());
        Assert.Equal(trace.Expectations!.Value.GetRawText(), loaded.Expectations!.Value.GetRawText());
        Assert.Equal(trace.Tags, loaded.Tags);
        Assert.Equal(trace.Metadata, loaded.Metadata);
        Assert.Equal(trace.CreatedAt, loaded.CreatedAt);
        // The store records what content each assessment rated.
        Assert.Equal(trace.Assessments.Select(a => a with { RatedContent = trace.ContentFingerprint }), loaded.Assessments);
        Assert.Equal(trace.ContentFingerprint, loaded.ContentFingerprint);
        Assert.Null(await store.GetTraceAsync(Experiment, "missing"));
        Assert.Contains(Experiment, await store.ListExperimentsAsync());
        Assert.Contains(IMemAlignStore.DefaultExperiment, await store.ListExperimentsAsync());
    }

    protected async Task Search_filters_by_tag_time_and_feedback_and_pages_through_large_results()
    {
        await using var store = await OpenAsync();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var traces = Enumerable.Range(0, 1_200).Select(i =>
        {
            var trace = new Trace($"s{i:D4}") { Outputs = System.Text.Json.JsonSerializer.SerializeToElement($"answer {i}"), CreatedAt = start.AddMinutes(i) };
            trace = i % 3 == 0 ? trace.WithTag("eval", "complete") : trace;
            trace = i % 4 == 0 ? trace.WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("e"), null) { Id = $"h{i}" }) : trace;
            return i % 5 == 0 ? trace.WithAssessment(new Assessment("helpfulness", false, AssessmentSource.LlmJudge("m"), null) { Id = $"j{i}" }) : trace;
        }).ToList();
        await store.AddTracesAsync(Experiment, traces);

        async Task<List<string>> Ids(TraceQuery query) => await store.SearchTracesAsync(Experiment, query).Select(t => t.Id).ToListAsync();

        var all = await Ids(TraceQuery.All);
        Assert.Equal(traces.Select(t => t.Id), all);
        Assert.Equal(traces.Where((_, i) => i % 3 == 0).Select(t => t.Id), await Ids(new TraceQuery { Tag = new("eval", "complete") }));
        Assert.Equal(traces.Where((_, i) => i % 4 == 0).Select(t => t.Id), await Ids(new TraceQuery { HasHumanFeedback = " HELPFULNESS" }));
        Assert.Equal(traces.Where((_, i) => i % 5 == 0).Select(t => t.Id), await Ids(new TraceQuery { HasJudgeAssessment = "helpfulness" }));
        Assert.Equal(traces.Skip(100).Take(50).Select(t => t.Id), await Ids(new TraceQuery { From = start.AddMinutes(100), To = start.AddMinutes(150) }));
        Assert.Equal(traces.Where((_, i) => i % 12 == 0).Take(7).Select(t => t.Id),
            await Ids(new TraceQuery { Tag = new("eval", "complete"), HasHumanFeedback = "helpfulness", Limit = 7 }));
        Assert.Empty(await Ids(new TraceQuery { Tag = new("eval", "nope") }));
    }

    protected async Task Tags_and_assessments_can_be_logged_updated_and_deleted()
    {
        await using var store = await OpenAsync();
        await store.AddTracesAsync(Experiment, [Sample("t1")]);

        await store.TagTraceAsync(Experiment, "t1", "reviewed", "yes");
        await store.LogAssessmentAsync(Experiment, "t1", new Assessment("safety", true, AssessmentSource.Code("regex"), null) { Id = "safe-1" });
        var before = (await store.GetTraceAsync(Experiment, "t1"))!.Assessments.Single(a => a.Id == "t1-h");
        await store.UpdateAssessmentAsync(Experiment, "t1-h", false, "On reflection, too curt.");
        Assert.True(await store.DeleteAssessmentAsync(Experiment, "safe-1"));
        Assert.False(await store.DeleteAssessmentAsync(Experiment, "safe-1"));

        var trace = (await store.GetTraceAsync(Experiment, "t1"))!;
        Assert.Equal("yes", trace.Tags["reviewed"]);
        var updated = trace.Assessments.Single(a => a.Id == "t1-h");
        Assert.Equal((FeedbackValue.FromBoolean(false), "On reflection, too curt."), (updated.Value, updated.Rationale));
        Assert.Equal(before.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt > before.UpdatedAt);
        Assert.DoesNotContain(trace.Assessments, a => a.Id == "safe-1");
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.TagTraceAsync(Experiment, "missing", "k", "v"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpdateAssessmentAsync(Experiment, "missing", true, null));
    }

    protected async Task The_registry_keeps_versions_and_lists_the_latest()
    {
        await using var store = await OpenAsync();
        var helpfulness = JudgeDefinition.Create("helpfulness", "Is {{ outputs }} helpful for {{ inputs }}?", FeedbackValueType.Boolean, "openai:/gpt-4.1-mini");
        var rating = JudgeDefinition.Create("rating", "Rate {{ outputs }}", FeedbackValueType.Integer(1, 5));

        Assert.Equal(1, (await store.RegisterJudgeAsync(Experiment, helpfulness, JudgeMemory.Empty)).Version);
        Assert.Equal(2, (await store.RegisterJudgeAsync(Experiment, helpfulness, JudgeMemory.Empty.With(guidelines: [new Guideline("Be kind.")]))).Version);
        Assert.Equal(1, (await store.RegisterJudgeAsync(Experiment, rating, JudgeMemory.Empty)).Version);

        var latest = (await store.GetJudgeAsync(Experiment, "helpfulness"))!;
        Assert.Equal((2, "Be kind."), (latest.Info.Version, Assert.Single(latest.Memory.Guidelines).Text));
        // No label schema registered: a plain one in the judge's value type, comment optional.
        Assert.Equal(new LabelSchema("helpfulness", FeedbackValueType.Boolean, null, null, LabelComment.Optional), latest.LabelSchema);
        Assert.Empty((await store.GetJudgeAsync(Experiment, "helpfulness", 1))!.Memory.Guidelines);
        Assert.Equal("openai:/gpt-4.1-mini", latest.Definition.Model);
        Assert.Equal(FeedbackValueType.Integer(1, 5), (await store.GetJudgeAsync(Experiment, "rating"))!.Definition.ValueType);
        Assert.Equal([("helpfulness", 2), ("rating", 1)], (await store.ListJudgesAsync(Experiment)).Select(j => (j.Name, j.Version)));
        Assert.Equal([1, 2], (await store.ListJudgeVersionsAsync(Experiment, "helpfulness")).Select(v => v.Version));

        var schema = new LabelSchema("Helpfulness", FeedbackValueType.Boolean, "Helpful?", "Is the reply **helpful**?", LabelComment.Required);
        var ratingSchema = schema with { Name = "rating", ValueType = FeedbackValueType.Integer(1, 5) };
        Assert.Equal(2, (await store.RegisterJudgeAsync(Experiment, rating, JudgeMemory.Empty, new Dictionary<string, string> { ["team"] = "support" }, labelSchema: ratingSchema)).Version);
        var labelled = (await store.GetJudgeAsync(Experiment, "rating"))!;
        Assert.Equal(new LabelSchema("rating", FeedbackValueType.Integer(1, 5), "Helpful?", "Is the reply **helpful**?", LabelComment.Required), labelled.LabelSchema);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "support" }, labelled.Settings);
        var foreign = await Assert.ThrowsAsync<ArgumentException>(() => store.RegisterJudgeAsync(Experiment, rating, JudgeMemory.Empty, labelSchema: schema));
        Assert.Contains("'Helpfulness' is not for judge 'rating'", foreign.Message);

        var judge = new Judge<bool>(helpfulness, new ScriptedChatClient());
        Assert.Equal(3, (await store.UpdateJudgeAsync(Experiment, judge)).Version);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpdateJudgeAsync(Experiment, new Judge<bool>(helpfulness.WithName("never_registered"), new ScriptedChatClient())));
        Assert.Equal(1, await store.DeleteJudgeAsync(Experiment, "helpfulness", 3));
        Assert.Equal(1, await store.DeleteJudgeAsync(Experiment, "helpfulness", 2));
        Assert.Equal(1, (await store.GetJudgeAsync(Experiment, "helpfulness"))!.Info.Version);
        Assert.Equal(1, await store.DeleteJudgeAsync(Experiment, "helpfulness"));
        Assert.Null(await store.GetJudgeAsync(Experiment, "helpfulness"));
        Assert.Null(await store.GetJudgeAsync(Experiment, "rating", 7));
    }

    protected async Task A_registered_judge_loads_without_model_calls_and_builds_byte_identical_prompts()
    {
        await using var store = await OpenAsync();
        var reflection = SeedFeedback.ReflectionModel();
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition)
            .AlignAsync(SeedFeedback.Alignment, new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = reflection, RetrievalK = 3 }));
        aligned = aligned.WithGuidelines("Prefer concise answers.");
        await store.RegisterJudgeAsync(Experiment, aligned.Definition, aligned.Memory, new Dictionary<string, string> { ["retrieval_k"] = "3" });
        var calls = reflection.CallCount;
        var judgeModel = new ScriptedChatClient();

        var registered = (await store.GetJudgeAsync(Experiment, "helpfulness"))!;
        var loaded = new Judge<bool>(registered.Definition, judgeModel).WithMemory(registered.Memory, new LocalEmbeddingGenerator(registered.Memory.EmbeddingDimensions));

        Assert.Equal((calls, 0), (reflection.CallCount, judgeModel.CallCount));
        Assert.Equal("3", registered.Settings["retrieval_k"]);
        Assert.Equal(aligned.Instructions, loaded.Instructions);
        Assert.Equal(aligned.Memory.Guidelines, loaded.Memory.Guidelines);
        foreach (var trace in SeedFeedback.Test)
        {
            var expected = await aligned.BuildPromptAsync(trace);
            var actual = await loaded.BuildPromptAsync(trace);
            Assert.Equal(expected.SystemText, actual.SystemText);
            Assert.Equal(expected.UserText, actual.UserText);
        }

        Assert.Equal(0, judgeModel.CallCount);
    }

    protected async Task Forgetting_removes_every_trace_of_the_data_even_from_the_storage_bytes()
    {
        await using var store = await OpenAsync();
        var canary = "CANARY" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var secret = Trace.Create("secret", $"My card number is {canary}, please refund me", "Refund issued.")
            .WithAssessment(new Assessment("helpfulness", false, SeedFeedback.Expert, $"Repeats {canary} back to the customer.") { Id = "secret-h" });
        var traces = SeedFeedback.Alignment.Append(secret).ToList();
        await store.AddTracesAsync(Experiment, traces);
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(traces);
        aligned = aligned.WithGuidelines("Never repeat card numbers.");
        await store.RegisterJudgeAsync(Experiment, aligned.Definition, aligned.Memory);
        await store.RegisterJudgeAsync(Experiment, aligned.Definition, aligned.Memory);
        // A guideline that drew on the secret trace and another one, quoting the secret's rationale.
        var shared = aligned.Memory.With(guidelines: [.. aligned.Memory.Guidelines, new Guideline($"Do not repeat {canary}-like numbers.", ["secret", "align-3"])]);
        var third = await store.RegisterJudgeAsync(Experiment, aligned.Definition, shared);
        var run = await store.CreateEvaluationRunAsync(Experiment, "baseline");
        await store.SaveEvaluationResultsAsync(Experiment, run.Id,
        [
            new EvaluationRecord { TraceId = "secret", JudgeName = "helpfulness", Value = false, Rationale = $"It says {canary}." },
            // Another trace's verdict that was shown the secret's example, and one that names it without having been shown it.
            new EvaluationRecord { TraceId = "align-1", JudgeName = "helpfulness", Value = true, Rationale = $"Like secret, which said {canary}.", RetrievedExampleIds = ["secret", "align-2"] },
            new EvaluationRecord { TraceId = "align-2", JudgeName = "helpfulness", Value = true, Rationale = "Unlike secret-2 and secret." },
        ]);
        var experiment = await store.SaveExperimentReportAsync(Experiment, "experiment", Report(folds: [new FoldReport(0, ["align-2", "secret"], ["align-1"], ["secret"])],
            disagreed: [new DisagreedTrace("secret", new Dictionary<string, string> { ["ann"] = "false", ["bob"] = "true" }, 0.5), new DisagreedTrace("align-1", new Dictionary<string, string>(), 0.5)]));
        Assert.Contains(await ReadStorageAsync(store), bytes => Contains(bytes, canary)); // the test can see it before

        var report = await store.ForgetAsync(Experiment, ["secret"]);

        Assert.Equal((1, 1, 3, 1), (report.Traces, report.Assessments, report.Examples, report.EvaluationResults));
        Assert.Equal((1, 1), (report.RationalesWithheld, report.RunsMarked));
        Assert.NotEmpty(report.Guarantee);
        var others = await store.GetEvaluationResultsAsync(Experiment, run.Id).ToListAsync();
        Assert.Equal(["align-1", "align-2"], others.Select(r => r.TraceId));
        Assert.True(others[0].Redacted);
        Assert.True(others[0].Value!.AsBoolean());
        Assert.Equal(["align-2"], others[0].RetrievedExampleIds);
        Assert.DoesNotContain("secret", others[0].Rationale!, StringComparison.Ordinal);
        Assert.Equal("Unlike secret-2 and [forgotten trace].", others[1].Rationale);
        Assert.Equal(1, (await store.GetEvaluationRunAsync(Experiment, experiment.Id))!.ForgottenTraces);
        var marked = (await store.GetExperimentReportAsync(Experiment, experiment.Id))!;
        Assert.Equal(["align-2"], marked.FoldDetails[0].TrainTraceIds);
        Assert.Equal(["align-1"], marked.FoldDetails[0].TestTraceIds);
        Assert.Empty(marked.FoldDetails[0].MemoryTraceIds);
        Assert.Equal(["align-1"], marked.HumanAgreement!.MostDisagreed.Select(d => d.TraceId));
        var thirdVersion = (await store.GetJudgeAsync(Experiment, "helpfulness", third.Version))!;
        Assert.DoesNotContain(thirdVersion.Memory.Guidelines, g => g.Text.Contains(canary, StringComparison.Ordinal));
        Assert.False(thirdVersion.Memory.Examples.Single(e => e.TraceId == "align-3").IsDistilled); // distilled again on the next align
        Assert.Null(await store.GetTraceAsync(Experiment, "secret"));
        foreach (var version in new[] { 1, 2, 3 })
        {
            var judge = (await store.GetJudgeAsync(Experiment, "helpfulness", version))!;
            Assert.Equal(5, judge.Memory.Examples.Count);
            Assert.DoesNotContain(judge.Memory.Examples, e => e.TraceId == "secret");
            Assert.DoesNotContain(judge.Memory.Guidelines, g => g.SourceTraceIds.Contains("secret") || g.Text.Contains(canary, StringComparison.Ordinal));
            Assert.Contains(judge.Memory.Guidelines, g => g.Text == "Never repeat card numbers.");
        }

        Assert.DoesNotContain(await ReadStorageAsync(store), bytes => Contains(bytes, canary));
    }

    protected async Task Concurrent_registrations_of_one_name_get_distinct_versions()
    {
        await using var store = await OpenAsync();
        var definition = JudgeDefinition.Create("shared", "{{ inputs }}", FeedbackValueType.Boolean);

        var versions = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty))));

        Assert.Equal(Enumerable.Range(1, 16), versions.Select(v => v.Version).Order());
        Assert.Equal(16, (await store.ListJudgeVersionsAsync(Experiment, "shared")).Count);
    }

    protected async Task Two_processes_registering_one_name_lose_nothing(string storeSetting)
    {
        var writers = Enumerable.Range(0, 2).Select(_ => StoreEnvironment.StartWorker("register", storeSetting, Experiment, "contested", "10")).ToList();
        var outputs = await Task.WhenAll(writers.Select(async w =>
        {
            var output = await w.StandardOutput.ReadToEndAsync();
            var errors = await w.StandardError.ReadToEndAsync();
            await w.WaitForExitAsync();
            Assert.True(w.ExitCode == 0, errors);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        }));

        Assert.Equal(Enumerable.Range(1, 20), outputs.SelectMany(o => o).Order());
        await using var store = await OpenAsync();
        Assert.Equal(Enumerable.Range(1, 20), (await store.ListJudgeVersionsAsync(Experiment, "contested")).Select(v => v.Version));
    }

    protected async Task Evaluation_runs_keep_their_results()
    {
        await using var store = await OpenAsync();
        var run = await store.CreateEvaluationRunAsync(Experiment, "nightly", new Dictionary<string, string> { ["judge"] = "helpfulness@3" }, "helpfulness", 3);
        var records = Enumerable.Range(0, 700).Select(i => new EvaluationRecord
        {
            TraceId = $"t{i:D4}",
            JudgeName = "helpfulness",
            Value = i % 7 == 0 ? null : i % 2 == 0,
            Error = i % 7 == 0 ? new JudgeError(JudgeErrorKind.ModelFailure, "HTTP 500") : null,
            Rationale = i % 7 == 0 ? null : "ok",
            Model = "m",
            Usage = new TokenUsage(i, 1),
            Latency = TimeSpan.FromMilliseconds(i),
            RetrievedExampleIds = i % 7 == 0 ? [] : [$"ex{i % 5}", "ex-shared", $"ex{i % 5}"],
        }).ToList();

        await store.SaveEvaluationResultsAsync(Experiment, run.Id, records);
        await store.SaveEvaluationResultsAsync(Experiment, run.Id, [records[1] with { Value = false, Rationale = "changed", RetrievedExampleIds = ["ex-new"] }]);
        // The same result twice in one call: saved as given last.
        await store.SaveEvaluationResultsAsync(Experiment, run.Id, [records[2] with { RetrievedExampleIds = ["a"] }, records[2] with { RetrievedExampleIds = ["b", "c"] }]);
        var loaded = await store.GetEvaluationResultsAsync(Experiment, run.Id).ToListAsync();

        Assert.Equal(700, loaded.Count);
        Assert.Equal(records.Select(r => r.TraceId), loaded.Select(r => r.TraceId));
        Assert.Equal("changed", loaded[1].Rationale);
        Assert.Equal(["ex-new"], loaded[1].RetrievedExampleIds);
        Assert.Equal(["b", "c"], loaded[2].RetrievedExampleIds);
        Assert.All(loaded.Skip(3), r => Assert.Equal(records.Single(o => o.TraceId == r.TraceId).RetrievedExampleIds, r.RetrievedExampleIds)); // across pages of 500
        Assert.Equal(new JudgeError(JudgeErrorKind.ModelFailure, "HTTP 500"), loaded[0].Error);
        Assert.Equal(records[3].Usage, loaded[3].Usage);
        var stored = (await store.GetEvaluationRunAsync(Experiment, run.Id))!;
        Assert.Equal("helpfulness@3", stored.Settings["judge"]); // the user's own extras stay theirs
        Assert.Equal((EvaluationRunKind.Evaluation, "helpfulness", 3, 0), (stored.Kind, stored.JudgeName, stored.JudgeVersion, stored.ForgottenTraces));
        Assert.Equal(run.Id, Assert.Single(await store.ListEvaluationRunsAsync(Experiment)).Id);
    }

    protected async Task The_latest_evaluation_run_of_a_judge_is_found_among_runs_of_other_judges_and_experiments()
    {
        await using var store = await OpenAsync();
        var first = await store.CreateEvaluationRunAsync(Experiment, "first", judgeName: "helpfulness", judgeVersion: 1);
        var latest = await store.CreateEvaluationRunAsync(Experiment, "second", judgeName: "helpfulness", judgeVersion: 2);
        await store.CreateEvaluationRunAsync(Experiment, "other judge", judgeName: "safety");
        await store.CreateEvaluationRunAsync(Experiment, "several judges");
        await store.CreateEvaluationRunAsync(Experiment + "-other", "other experiment", judgeName: "helpfulness");
        var experiment = await store.SaveExperimentReportAsync(Experiment, "experiment", Report(folds: []), judgeVersion: 2);

        var found = await store.GetLatestEvaluationRunAsync(Experiment, "helpfulness");

        Assert.Equal((latest.Id, 2), (found!.Id, found.JudgeVersion));
        Assert.NotEqual(first.Id, found.Id);
        Assert.Null(await store.GetLatestEvaluationRunAsync(Experiment, "politeness"));
        var saved = (await store.GetEvaluationRunAsync(Experiment, experiment.Id))!;
        Assert.Equal((EvaluationRunKind.Experiment, "helpfulness", 2), (saved.Kind, saved.JudgeName, saved.JudgeVersion));
    }

    protected async Task A_run_id_is_found_only_in_its_own_experiment()
    {
        await using var store = await OpenAsync();
        var elsewhere = await store.CreateEvaluationRunAsync(Experiment + "-other", "other experiment", judgeName: "helpfulness");
        await store.SaveEvaluationResultsAsync(Experiment + "-other", elsewhere.Id, [new EvaluationRecord { TraceId = "t1", JudgeName = "helpfulness", Value = true }]);
        var report = await store.SaveExperimentReportAsync(Experiment + "-other", "experiment", Report(folds: []));

        Assert.Null(await store.GetEvaluationRunAsync(Experiment, elsewhere.Id));
        Assert.Empty(await store.GetEvaluationResultsAsync(Experiment, elsewhere.Id).ToListAsync());
        Assert.Null(await store.GetExperimentReportAsync(Experiment, report.Id));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.SaveEvaluationResultsAsync(Experiment, elsewhere.Id, [new EvaluationRecord { TraceId = "t2", JudgeName = "helpfulness", Value = false }]));
        Assert.Contains($"Experiment '{Experiment}' has no evaluation run '{elsewhere.Id}'", refused.Message, StringComparison.Ordinal);
        // In its own experiment everything is there, and the refused save wrote nothing.
        Assert.Equal("other experiment", (await store.GetEvaluationRunAsync(Experiment + "-other", elsewhere.Id))!.Name);
        Assert.Equal(["t1"], (await store.GetEvaluationResultsAsync(Experiment + "-other", elsewhere.Id).ToListAsync()).Select(r => r.TraceId));
        Assert.NotNull(await store.GetExperimentReportAsync(Experiment + "-other", report.Id));
    }

    protected async Task An_experiment_report_round_trips_with_the_traces_it_names_kept_as_rows()
    {
        await using var store = await OpenAsync();
        var second = AssessmentSource.Human("second_expert");
        // A second expert on three traces, disagreeing on two: the report has most disagreed traces.
        var traces = SeedFeedback.Alignment.Concat(SeedFeedback.Test).Select((t, i) => i switch
        {
            0 => t.WithAssessment(new Assessment("helpfulness", t.Assessments[0].Value, second, null)),
            1 or 2 => t.WithAssessment(new Assessment("helpfulness", !t.Assessments[0].Value.AsBoolean(), second, null)),
            _ => t,
        }).ToList();
        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal<bool>(SeedFeedback.Definition), traces,
            options: new ExperimentOptions { Folds = 2, BootstrapResamples = 200, LearningCurveRepeats = 1 });
        Assert.NotEmpty(report.HumanAgreement!.MostDisagreed);

        var run = await store.SaveExperimentReportAsync(Experiment, "experiment helpfulness@1", report, judgeVersion: 1);
        var loaded = (await store.GetExperimentReportAsync(Experiment, run.Id))!;

        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(report, options), System.Text.Json.JsonSerializer.Serialize(loaded, options));
        Assert.Equal(Reporting.ExperimentReportWriter.ToMarkdown(report), Reporting.ExperimentReportWriter.ToMarkdown(loaded));
        Assert.Null(await store.GetExperimentReportAsync(Experiment, "run-missing"));
    }

    // An experiment report holding only what forgetting and the registry tests look at.
    private static ExperimentReport Report(IReadOnlyList<FoldReport> folds, IReadOnlyList<DisagreedTrace>? disagreed = null) => new()
    {
        JudgeName = "helpfulness",
        Folds = Math.Max(1, folds.Count),
        ComparableRows = 0,
        Metrics = [new MetricComparison("accuracy", false, null, null, null)],
        FoldDetails = folds,
        Cost = new ExperimentCost(0, default, TimeSpan.Zero),
        HumanAgreement = new HumanAgreement { JudgeName = "helpfulness", LabelledTraces = 2, MultiplyLabelledTraces = 2, Reviewers = 2, CheckStatistic = "alpha", MostDisagreed = disagreed ?? [] },
    };

    protected async Task A_reviewer_has_one_current_label_per_trace_whatever_the_list_order_and_keeps_the_history()
    {
        await using var store = await OpenAsync();
        var ann = AssessmentSource.Human("ann");
        var bob = AssessmentSource.Human("bob");
        var first = Trace.Create("t", "q", "a")
            .WithAssessment(new Assessment("helpfulness", true, ann, "Clear.") { Id = "x-1" })
            .WithAssessment(new Assessment("helpfulness", true, bob, "Fine.") { Id = "x-2" });
        await store.AddTraceAsync(Experiment, first);

        // The same reviewers again, in the other order, and Ann changed her mind: ids follow list positions, as a careless exporter writes them.
        var second = Trace.Create("t", "q", "a")
            .WithAssessment(new Assessment("helpfulness", true, bob, "Fine.") { Id = "x-1" })
            .WithAssessment(new Assessment("helpfulness", false, ann, "Actually rude.") { Id = "x-2" });
        await store.AddTraceAsync(Experiment, second);

        var current = (await store.GetTraceAsync(Experiment, "t"))!.Assessments;
        Assert.Equal(2, current.Count);
        Assert.Equal([("ann", false), ("bob", true)], current.Select(a => (a.Source.Id, a.Value.AsBoolean())).Order());
        var history = await store.GetAssessmentHistoryAsync(Experiment, "t");
        Assert.Equal(("ann", true, "Clear."), (history.Single().Source.Id, history.Single().Value.AsBoolean(), history.Single().Rationale));
    }

    protected async Task Labels_of_replaced_content_stay_marked_and_are_not_learned_from()
    {
        await using var store = await OpenAsync();
        await store.AddTraceAsync(Experiment, Trace.Create("t", "Where is my order?", "It ships tomorrow.")
            .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("ann"), "Answers it.")));
        var replaced = Trace.Create("t", "Where is my order?", "No idea.")
            .WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("bob"), "Unhelpful."));

        await store.AddTraceAsync(Experiment, replaced);
        var stored = (await store.GetTraceAsync(Experiment, "t"))!;

        var ann = stored.Assessments.Single(a => a.Source.Id == "ann");
        var bob = stored.Assessments.Single(a => a.Source.Id == "bob");
        Assert.True(ann.RatedOtherContentThan(stored));
        Assert.False(bob.RatedOtherContentThan(stored));
        var (_, report) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync([stored]);
        var discarded = Assert.Single(report.DiscardedAssessments);
        Assert.Equal(ann.Id, discarded.AssessmentId);
        Assert.Contains("rated content the trace no longer has", discarded.Reason);
    }

    protected async Task A_trace_holding_a_NUL_character_is_refused_before_anything_is_written()
    {
        await using var store = await OpenAsync();
        var bad = Trace.Create("with-nul", "a\u0000b", "answer");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.AddTracesAsync(Experiment, [Sample("good"), bad]));

        Assert.Contains("'with-nul'", e.Message);
        Assert.Contains("NUL character", e.Message);
        Assert.Null(await store.GetTraceAsync(Experiment, "good"));
    }

    protected async Task Registering_on_a_version_that_is_no_longer_the_latest_is_refused()
    {
        await using var store = await OpenAsync();
        var definition = JudgeDefinition.Create("raced", "{{ inputs }}", FeedbackValueType.Boolean);
        var first = await store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty, null, baseVersion: 0);
        var second = await store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty, null, baseVersion: first.Version);

        var e = await Assert.ThrowsAsync<StaleJudgeVersionException>(() => store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty, null, baseVersion: first.Version));

        Assert.Equal((1, 2, 1, 2), (first.Version, second.Version, e.BaseVersion, e.LatestVersion));
        Assert.Equal(1, (await store.GetJudgeAsync(Experiment, "raced"))!.Info.BaseVersion);
        Assert.Equal(2, (await store.ListJudgeVersionsAsync(Experiment, "raced")).Count);
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    protected async Task Labeling_sessions_round_trip_refuse_a_second_of_one_name_and_lose_their_forgotten_traces()
    {
        await using var store = await OpenAsync();
        await store.AddTracesAsync(Experiment, [Sample("q1"), Sample("q2"), Sample("q3")]);
        var session = new Labeling.LabelingSession
        {
            Name = "week-1",
            Experiment = Experiment,
            JudgeName = "helpfulness",
            Filter = "tag.eval=complete",
            Reviewers = ["ann", "bob"],
            LabelsPerTrace = 2,
            Order = Labeling.LabelingOrder.Random,
            TraceIds = ["q3", "q1", "q2"],
            CreatedAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
        };

        await store.CreateLabelingSessionAsync(session);
        var loaded = await store.GetLabelingSessionAsync(Experiment, "week-1");
        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateLabelingSessionAsync(session with { TraceIds = ["q1"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateLabelingSessionAsync(session with { Name = "bad", LabelsPerTrace = 3 })); // 3 labels from 2 reviewers
        await store.CreateLabelingSessionAsync(session with { Name = "anyone", Reviewers = [], LabelsPerTrace = 1, TraceIds = ["q2"] });

        Assert.NotNull(loaded);
        Assert.Equal(session.TraceIds, loaded.TraceIds); // the queue keeps its order
        Assert.Equal(session.Reviewers, loaded.Reviewers);
        Assert.Equal((session.JudgeName, session.Filter, session.LabelsPerTrace, session.Order, session.CreatedAt),
            (loaded.JudgeName, loaded.Filter, loaded.LabelsPerTrace, loaded.Order, loaded.CreatedAt));
        Assert.Contains("week-1", duplicate.Message);
        Assert.Equal(["anyone", "week-1"], (await store.ListLabelingSessionsAsync(Experiment)).Select(s => s.Name));
        Assert.Null(await store.GetLabelingSessionAsync("other-experiment", "week-1"));

        var forgotten = await store.ForgetAsync(Experiment, ["q1", "q2"]);
        Assert.Equal(3, forgotten.LabelingQueueItems); // q1 from week-1, q2 from both
        Assert.Equal(["q3"], (await store.GetLabelingSessionAsync(Experiment, "week-1"))!.TraceIds);
        Assert.Empty((await store.GetLabelingSessionAsync(Experiment, "anyone"))!.TraceIds);

        Assert.True(await store.DeleteLabelingSessionAsync(Experiment, "week-1"));
        Assert.False(await store.DeleteLabelingSessionAsync(Experiment, "week-1"));
        Assert.NotNull(await store.GetTraceAsync(Experiment, "q3")); // deleting a session keeps its traces
        Assert.Equal(["anyone"], (await store.ListLabelingSessionsAsync(Experiment)).Select(s => s.Name));
    }
}
