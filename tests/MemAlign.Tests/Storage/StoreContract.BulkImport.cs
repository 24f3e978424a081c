using System.Text;
using MemAlign.Import;
using MemAlign.Storage;

namespace MemAlign.Tests.Storage;

/// <summary>
/// The bulk paths (issue 24, section 4): batches written with prepared statements or staged and merged set-based, reading on its
/// own task ahead of writing, judge memory loaded in bulk. Each rule the row-at-a-time path kept must hold on both backends.
/// </summary>
public abstract partial class StoreContract
{
    private static string JsonLine(string id, string outputs, string split, bool label, string reviewer = "ann") =>
        $$$"""{"trace_id": "{{{id}}}", "inputs": "question {{{id}}}", "outputs": "{{{outputs}}}", "tags": {"split": "{{{split}}}", "{{{split}}}-only": "yes"}, "assessments": [{"name": "helpfulness", "value": {{{(label ? "true" : "false")}}}, "source": {"type": "HUMAN", "id": "{{{reviewer}}}"}}]}""";

    private static IEnumerable<TraceLine> Lines(IEnumerable<string> lines) => TraceFile.Read(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    // Lookups by id send the ids as one value (a JSON array on SQLite, an array on PostgreSQL): ids holding what either format escapes
    // must come back exactly, and a re-import must find each of them stored.
    protected async Task Ids_holding_quotes_backslashes_commas_and_any_script_are_found_by_lookups()
    {
        await using var store = await OpenAsync();
        string[] ids = ["say \"hi\"", "back\\slash", "comma, id", "[bracket]", "{brace}", "NULL", "ünïcödé 日本語", "emoji 🙂", "tab\tand\nnewline", " padded "];
        var traces = ids.Select(id => Trace.Create(id, "question " + id, "answer").WithTag("split", "test")
            .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("ann")))).ToList();
        Assert.Equal(ids.Length, await store.AddTracesAsync(Experiment, traces));

        var loaded = await store.GetTracesAsync(Experiment, [.. ids, "absent"]);
        var fingerprints = await store.GetContentFingerprintsAsync(Experiment, [.. ids, "absent"]);
        var report = await TraceImporter.ImportAsync(store, Experiment, traces.Select((t, i) => new TraceLine(i + 1, t, null)));

        Assert.Equal(ids.Order(StringComparer.Ordinal), loaded.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(loaded, t => Assert.Equal("test", t.Tags["split"]));
        Assert.Equal(traces.ToDictionary(t => t.Id, t => t.ContentFingerprint), fingerprints);
        Assert.Equal((0, ids.Length), (report.Added, report.Updated));
    }

    protected async Task A_batch_holding_one_id_twice_keeps_the_later_trace_with_exactly_its_tags_and_the_earlier_label_in_history()
    {
        await using var store = await OpenAsync();
        var first = Sample("twice");
        var later = new Trace("twice")
        {
            Inputs = first.Inputs,
            Outputs = System.Text.Json.JsonSerializer.SerializeToElement("It shipped yesterday."),
            Tags = new Dictionary<string, string> { ["split"] = "test" },
            CreatedAt = first.CreatedAt,
            Assessments = [new Assessment("helpfulness", false, AssessmentSource.Human("expert1"), "Wrong day.", first.CreatedAt) { Id = "twice-h2" }],
        };

        Assert.Equal(3, await store.AddTracesAsync(Experiment, [Sample("other"), first, later]));

        var stored = (await store.GetTraceAsync(Experiment, "twice"))!;
        Assert.Equal("It shipped yesterday.", stored.Outputs!.Value.GetString());
        Assert.Equal(new Dictionary<string, string> { ["split"] = "test" }, stored.Tags);
        var human = Assert.Single(stored.Assessments, a => a.Source.Type == AssessmentSourceType.Human);
        Assert.Equal((FeedbackValue.FromBoolean(false), "Wrong day."), (human.Value, human.Rationale));
        Assert.Contains(stored.Assessments, a => a.Source.Type == AssessmentSourceType.LlmJudge); // the earlier trace's judge label stays, as the store promises
        var history = await store.GetAssessmentHistoryAsync(Experiment, "twice");
        Assert.Equal("Direct answer.", Assert.Single(history).Rationale);
        Assert.Equal(Sample("other").Tags, (await store.GetTraceAsync(Experiment, "other"))!.Tags);
    }

    protected async Task A_trace_carrying_one_reviewers_label_twice_keeps_the_later_one_and_the_earlier_in_history()
    {
        await using var store = await OpenAsync();
        var at = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var sample = Sample("relabelled");
        var trace = new Trace("relabelled")
        {
            Inputs = sample.Inputs,
            Outputs = sample.Outputs,
            Tags = sample.Tags,
            CreatedAt = at,
            Assessments =
            [
                new Assessment("helpfulness", true, AssessmentSource.Human("ann"), "First look.", at) { Id = "relabelled-1" },
                new Assessment("helpfulness", false, AssessmentSource.Human("bob"), "Other reviewer.", at) { Id = "relabelled-bob" },
                new Assessment("Helpfulness", false, AssessmentSource.Human("ann"), "Second look: wrong day.", at) { Id = "relabelled-2" },
            ],
        };

        Assert.Equal(2, await store.AddTracesAsync(Experiment, [Sample("before"), trace]));

        var stored = (await store.GetTraceAsync(Experiment, "relabelled"))!;
        var ann = Assert.Single(stored.Assessments, a => a.Source.Id == "ann");
        Assert.Equal((FeedbackValue.FromBoolean(false), "Second look: wrong day."), (ann.Value, ann.Rationale));
        Assert.Single(stored.Assessments, a => a.Source.Id == "bob");
        Assert.Equal(trace.Tags, stored.Tags);
        Assert.Equal("First look.", Assert.Single(await store.GetAssessmentHistoryAsync(Experiment, "relabelled")).Rationale);
    }

    protected async Task Reimporting_replaces_tags_keeps_replaced_labels_in_history_and_a_second_identical_import_changes_nothing()
    {
        await using var store = await OpenAsync();
        var ids = Enumerable.Range(1, 7).Select(i => $"r{i}").ToList();
        var first = await TraceImporter.ImportAsync(store, Experiment, Lines(ids.Select(id => JsonLine(id, "answer " + id, "train", true))), new ImportOptions { BatchSize = 3 });
        Assert.Equal((7, 0), (first.Added, first.Problems.Count));

        string[] again = [.. ids.Select(id => JsonLine(id, "answer " + id, "test", id != "r5"))];
        var second = await TraceImporter.ImportAsync(store, Experiment, Lines(again), new ImportOptions { BatchSize = 3 });
        var third = await TraceImporter.ImportAsync(store, Experiment, Lines(again), new ImportOptions { BatchSize = 3 });

        Assert.Equal((0, 7, 0), (second.Added, second.Updated, second.Problems.Count));
        Assert.Equal((0, 7, 0, 0), (third.Added, third.Updated, third.Replaced, third.Problems.Count));
        foreach (var id in ids)
        {
            var trace = (await store.GetTraceAsync(Experiment, id))!;
            Assert.Equal(new Dictionary<string, string> { ["split"] = "test", ["test-only"] = "yes" }, trace.Tags);
            Assert.Equal(FeedbackValue.FromBoolean(id != "r5"), Assert.Single(trace.Assessments).Value);
            var history = await store.GetAssessmentHistoryAsync(Experiment, id);
            if (id == "r5")
            {
                Assert.Equal(FeedbackValue.FromBoolean(true), Assert.Single(history).Value); // once, though imported twice since
            }
            else
            {
                Assert.Empty(history);
            }
        }
    }

    protected async Task Conflicts_and_repeated_ids_in_later_batches_are_reported_by_line_and_every_other_trace_is_stored()
    {
        await using var store = await OpenAsync();
        await TraceImporter.ImportAsync(store, Experiment, Lines([JsonLine("c8", "stored answer", "train", true)]));
        string[] file = [.. Enumerable.Range(1, 10).Select(i => i switch
        {
            7 => JsonLine("c2", "second copy", "train", true),
            8 => JsonLine("c8", "changed answer", "train", true),
            _ => JsonLine($"c{i}", $"answer {i}", "train", true),
        })];

        var report = await TraceImporter.ImportAsync(store, Experiment, Lines(file), new ImportOptions { BatchSize = 3 });

        Assert.Equal([7, 8], report.Problems.Select(p => p.Line));
        Assert.Contains("is on lines 2 and 7", report.Problems[0].Message);
        Assert.Contains("already stored with other inputs", report.Problems[1].Message);
        Assert.Equal((8, 10, 10), (report.Added, report.Lines, report.StoredThroughLine));
        Assert.Equal("stored answer", (await store.GetTraceAsync(Experiment, "c8"))!.Outputs!.Value.GetString());
        Assert.Equal("answer 2", (await store.GetTraceAsync(Experiment, "c2"))!.Outputs!.Value.GetString());

        var replaced = await TraceImporter.ImportAsync(store, Experiment, Lines(file), new ImportOptions { BatchSize = 3, OnConflict = ImportConflict.Replace });
        Assert.Equal((1, 8), (replaced.Replaced, replaced.Updated));
        Assert.Equal("changed answer", (await store.GetTraceAsync(Experiment, "c8"))!.Outputs!.Value.GetString());
    }

    protected async Task A_bad_line_in_the_middle_of_a_10000_line_file_fails_only_that_line()
    {
        await using var store = await OpenAsync();
        var file = Enumerable.Range(1, 10_000).Select(i => i == 5_000 ? """{"trace_id": "broken", "inputs": """ : JsonLine($"m{i:D5}", $"answer {i}", "train", i % 2 == 0));

        var report = await TraceImporter.ImportAsync(store, Experiment, Lines(file));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(5_000, problem.Line);
        Assert.Contains("not valid JSON", problem.Message);
        Assert.Equal((10_000, 9_999, 10_000), (report.Lines, report.Added, report.StoredThroughLine));
        var stored = await store.SearchTracesAsync(Experiment, TraceQuery.All).Select(t => t.Id).ToListAsync();
        Assert.Equal(9_999, stored.Count);
        Assert.DoesNotContain("m05000", stored);
        Assert.Contains("m04999", stored);
        Assert.Contains("m05001", stored);
    }

    protected async Task Cancelling_an_import_mid_way_leaves_whole_batches_in_file_order()
    {
        await using var store = await OpenAsync();
        var ids = Enumerable.Range(1, 4_000).Select(i => $"k{i:D4}").ToList();
        using var cancel = new CancellationTokenSource();
        var writes = 0;
        var cancelling = new CancellingStore(store, () =>
        {
            // The third batch's write starts with the import cancelled under it.
            if (++writes == 3)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TraceImporter.ImportAsync(cancelling, Experiment, Lines(ids.Select(id => JsonLine(id, "answer", "train", true))), new ImportOptions { BatchSize = 500 },
                cancellationToken: cancel.Token));

        var stored = (await store.SearchTracesAsync(Experiment, TraceQuery.All).Select(t => t.Id).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids.Take(1_000), stored); // two whole batches; nothing of the third
        Assert.All(await store.GetTracesAsync(Experiment, stored), t => Assert.Equal((2, 1), (t.Tags.Count, t.Assessments.Count)));
    }

    protected async Task A_forgotten_trace_imported_again_is_kept_by_later_judge_versions()
    {
        await using var store = await OpenAsync();
        await TraceImporter.ImportAsync(store, Experiment, Lines([JsonLine("f1", "answer", "train", true), JsonLine("f2", "answer", "train", true)]));
        await store.ForgetAsync(Experiment, ["f1", "f2"]);

        var report = await TraceImporter.ImportAsync(store, Experiment, Lines([JsonLine("f1", "answer", "train", true)]));

        Assert.Equal(1, report.Added);
        var definition = JudgeDefinition.Create("helpfulness", "Is {{ outputs }} helpful?", FeedbackValueType.Boolean);
        var memory = new JudgeMemory([], [Example("f1", 0, 4), Example("f2", 1, 4)], "local", 4, 3);
        var info = await store.RegisterJudgeAsync(Experiment, definition, memory);
        Assert.Equal(1, info.Examples); // f1 came back; f2 is still forgotten
        Assert.Equal("f1", Assert.Single((await store.GetJudgeAsync(Experiment, "helpfulness"))!.Memory.Examples).TraceId);
    }

    protected async Task A_judge_version_with_10000_examples_round_trips_in_order()
    {
        await using var store = await OpenAsync();
        var examples = Enumerable.Range(0, 10_000).Select(i => Example($"x{i:D5}", i, 16)).ToList();
        Guideline[] guidelines = [new("Answer the question asked.", ["x00001", "x00002"]), new("Be brief."), new("Cite the order id.", ["x09999"])];
        var memory = new JudgeMemory(guidelines, examples, "local", 16, 5);
        var definition = JudgeDefinition.Create("helpfulness", "Is {{ outputs }} helpful?", FeedbackValueType.Boolean);

        var info = await store.RegisterJudgeAsync(Experiment, definition, memory);

        Assert.Equal((10_000, 3), (info.Examples, info.Guidelines));
        var loaded = (await store.GetJudgeAsync(Experiment, "helpfulness"))!.Memory;
        Assert.Equal(examples.Select(e => (e.Id, e.TraceId, e.Value, e.Rationale, e.Fingerprint, e.IsDistilled)),
            loaded.Examples.Select(e => (e.Id, e.TraceId, e.Value, e.Rationale, e.Fingerprint, e.IsDistilled)));
        Assert.All(examples.Zip(loaded.Examples), pair => Assert.Equal(pair.First.Vector.ToArray(), pair.Second.Vector.ToArray()));
        Assert.Equal(examples[123].Fields, loaded.Examples[123].Fields);
        Assert.Equal(guidelines.Select(g => (g.Text, string.Join(",", g.SourceTraceIds.Order()))), loaded.Guidelines.Select(g => (g.Text, string.Join(",", g.SourceTraceIds.Order()))));
    }

    private static EpisodicExample Example(string traceId, int i, int dimensions) =>
        new($"lbl-{traceId}", traceId, FeedbackValue.FromBoolean(i % 3 == 0), i % 2 == 0 ? null : $"because {i}", new Dictionary<string, string> { ["outputs"] = $"answer {i}" },
            "outputs", Enumerable.Range(0, dimensions).Select(d => (float)Math.Sin(i + d)).ToArray(), $"fp{i}", i % 5 == 0);

    // Runs a callback as each batch's write begins, then writes to the real store.
    private sealed class CancellingStore(ITraceStore inner, Action beforeWrite) : ITraceStore
    {
        public Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default) => inner.ListExperimentsAsync(cancellationToken);

        public Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default) => inner.CreateExperimentAsync(experiment, cancellationToken);

        public Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default)
        {
            beforeWrite();
            return inner.AddTracesAsync(experiment, traces, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> GetContentFingerprintsAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default) =>
            inner.GetContentFingerprintsAsync(experiment, traceIds, cancellationToken);

        public Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default) => inner.GetTraceAsync(experiment, traceId, cancellationToken);

        public Task<IReadOnlyList<Trace>> GetTracesAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default) =>
            inner.GetTracesAsync(experiment, traceIds, cancellationToken);

        public IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, CancellationToken cancellationToken = default) =>
            inner.SearchTracesAsync(experiment, query, cancellationToken);

        public Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default) =>
            inner.TagTraceAsync(experiment, traceId, key, value, cancellationToken);

        public Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default) =>
            inner.LogAssessmentAsync(experiment, traceId, assessment, cancellationToken);

        public Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default) =>
            inner.UpdateAssessmentAsync(experiment, assessmentId, value, rationale, cancellationToken);

        public Task<IReadOnlyList<Assessment>> GetAssessmentHistoryAsync(string experiment, string traceId, CancellationToken cancellationToken = default) =>
            inner.GetAssessmentHistoryAsync(experiment, traceId, cancellationToken);

        public Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default) =>
            inner.DeleteAssessmentAsync(experiment, assessmentId, cancellationToken);
    }
}
