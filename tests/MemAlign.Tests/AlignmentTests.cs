using System.Net;
using MemAlign.Testing;
using Microsoft.Extensions.AI;
using static MemAlign.Tests.PromptText;

namespace MemAlign.Tests;

public class AlignmentTests
{
    private static readonly JudgeOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxTransientRetries = 1 };

    private static MemAlignOptimizer Optimizer(IChatClient reflection, CountingEmbedder? embedder = null, int retrievalK = 3, int maxRecords = 50, int parallel = 8) =>
        new(new MemAlignOptions
        {
            ReflectionModel = reflection,
            ReflectionCallOptions = Fast,
            EmbeddingGenerator = embedder ?? new CountingEmbedder(),
            RetrievalK = retrievalK,
            MaxRecordsPerBatch = maxRecords,
            MaxParallelDistillations = parallel,
        });

    private static Judge<bool> BaseJudge(IChatClient? judgeModel = null) =>
        new(SeedFeedback.Definition, judgeModel ?? new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"ok\", \"result\": true}")));

    [Fact]
    public async Task Seed_walkthrough_learns_the_empathy_guideline_and_forgets_it_when_its_trace_is_unaligned()
    {
        var reflection = SeedFeedback.ReflectionModel();
        var embedder = new CountingEmbedder();
        var optimizer = Optimizer(reflection, embedder);

        var (aligned, report) = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);

        Assert.Equal(5, aligned.Memory.Examples.Count);
        Assert.Contains(aligned.Memory.Guidelines, g => g.Text == SeedFeedback.EmpathyGuideline && g.SourceTraceIds.SequenceEqual(["align-5"]));
        Assert.Contains(aligned.Memory.Guidelines, g => g.Text == SeedFeedback.RudenessGuideline && g.SourceTraceIds.SequenceEqual(["align-3", "align-4"]));
        Assert.Equal((1, 5, 4), (report.ModelCalls, report.ExamplesAdded, report.GuidelinesAdded));
        Assert.Equal(new TokenUsage(300, 40), report.Usage);
        Assert.Equal(2, report.EmbeddingCalls); // the examples' texts, then the new guidelines for the merge pass
        Assert.True(report.IsComplete);
        Assert.EndsWith($"Distilled Guidelines (4):\n  - {Q(aligned.Memory.Guidelines[0].Text)}\n  - {Q(aligned.Memory.Guidelines[1].Text)}\n  - {Q(aligned.Memory.Guidelines[2].Text)}\n  - {Q(aligned.Memory.Guidelines[3].Text)}\n", aligned.Instructions);
        Assert.StartsWith(SeedFeedback.Definition.Instructions.TrimEnd(), aligned.Instructions);

        var reflectionCalls = reflection.CallCount;
        var (unaligned, unalignReport) = await aligned.UnalignAsync(["align-5"], optimizer: optimizer);

        Assert.DoesNotContain(unaligned.Memory.Guidelines, g => g.Text == SeedFeedback.EmpathyGuideline);
        Assert.DoesNotContain("acknowledge the customer's feelings", unaligned.Instructions);
        Assert.Equal(3, unaligned.Memory.Guidelines.Count);
        Assert.Equal(4, unaligned.Memory.Examples.Count);
        Assert.Equal((1, 1, 0), (unalignReport.ExamplesRemoved, unalignReport.GuidelinesDropped, unalignReport.ModelCalls));
        Assert.Equal(reflectionCalls, reflection.CallCount);
        Assert.Equal(5, aligned.Memory.Examples.Count); // the original judge is unchanged
    }

    [Fact]
    public async Task Aligned_judge_prompts_with_rubric_and_guidelines_first_then_retrieved_examples_then_the_trace()
    {
        var judgeModel = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"cold\", \"result\": false}"));
        Judge<bool> aligned = await BaseJudge(judgeModel).AlignAsync(SeedFeedback.Alignment, Optimizer(SeedFeedback.ReflectionModel(), retrievalK: 3));

        var verdict = await aligned.EvaluateAsync(SeedFeedback.Test[^1]);

        Assert.Equal(3, verdict.RetrievedExampleIds.Count);
        var (system, user) = (judgeModel.Requests.Single().System, judgeModel.Requests.Single().User);
        var rubric = system.IndexOf("User query: <inputs>", StringComparison.Ordinal);
        var guidelines = system.IndexOf("Distilled Guidelines (4):", StringComparison.Ordinal);
        Assert.True(rubric >= 0 && rubric < guidelines, system);
        var examples = user.IndexOf("Example Judgements (3):", StringComparison.Ordinal);
        var trace = user.IndexOf("Trace to judge:\ninputs: \"I've been charged twice", StringComparison.Ordinal);
        Assert.True(examples == 0 && examples < trace, user);
        foreach (var id in verdict.RetrievedExampleIds)
        {
            var example = aligned.Memory.Examples.Single(e => e.TraceId == id);
            Assert.Contains("  inputs: " + Q(example.Fields["inputs"]), user);
            Assert.Contains("  rationale: " + Q(example.Rationale!), user);
        }
    }

    [Fact]
    public async Task Realigning_unchanged_traces_costs_nothing()
    {
        var reflection = SeedFeedback.ReflectionModel();
        var embedder = new CountingEmbedder();
        var optimizer = Optimizer(reflection, embedder);
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);
        var (calls, embeds) = (reflection.CallCount, embedder.Calls);

        var (again, report) = await aligned.AlignAsync(SeedFeedback.Alignment, optimizer);

        Assert.Equal((calls, embeds), (reflection.CallCount, embedder.Calls));
        Assert.Equal((0, 0, 5, 0), (report.ModelCalls, report.EmbeddingCalls, report.ExamplesUnchanged, report.ExamplesAdded));
        Assert.Equal(aligned.Memory.Guidelines, again.Memory.Guidelines);
        Assert.Equal(aligned.Memory.Examples.Select(e => e.Fingerprint), again.Memory.Examples.Select(e => e.Fingerprint));
    }

    [Fact]
    public async Task An_edited_assessment_replaces_its_example_and_only_it_is_redistilled()
    {
        var reflection = SeedFeedback.ReflectionModel();
        var embedder = new CountingEmbedder();
        var optimizer = Optimizer(reflection, embedder);
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);
        var edited = SeedFeedback.Alignment.Select(t => t.Id != "align-2" ? t : Trace.Create(t.Id, "Thanks for your help!", "You're welcome! Let me know if you need anything else.")
            .WithAssessment(new Assessment("helpfulness", true, SeedFeedback.Expert, "Polite, though generic.") { Id = "a-align-2", UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(5) })).ToList();
        var embedsBefore = embedder.TextsEmbedded;

        var (realigned, report) = await aligned.AlignAsync(edited, optimizer);

        Assert.Equal((1, 4, 1), (report.ExamplesReplaced, report.ExamplesUnchanged, report.ModelCalls));
        var distilled = SeedFeedback.Records(reflection.Requests[^1].User);
        Assert.Equal(["align-2"], distilled.Select(r => r.Id));
        Assert.Equal("Polite, though generic.", realigned.Memory.Examples.Single(e => e.TraceId == "align-2").Rationale);
        Assert.DoesNotContain(realigned.Memory.Guidelines, g => g.Text == "Acknowledge gratitude warmly."); // its only source changed
        Assert.Equal(0, report.TextsEmbedded); // same text: the vector is kept
        Assert.Equal(embedsBefore, embedder.TextsEmbedded);
    }

    [Fact]
    public async Task New_traces_are_added_and_only_their_text_is_embedded()
    {
        var embedder = new CountingEmbedder();
        var optimizer = Optimizer(SeedFeedback.ReflectionModel(), embedder);
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment.Take(3), optimizer);
        var before = embedder.TextsEmbedded;

        var (grown, report) = await aligned.AlignAsync(SeedFeedback.Alignment, optimizer);

        Assert.Equal((2, 3, 2), (report.ExamplesAdded, report.ExamplesUnchanged, report.TextsEmbedded));
        Assert.Equal(5, grown.Memory.Examples.Count);
        Assert.Equal(2 + (embedder.TextsEmbedded - before - 2), embedder.TextsEmbedded - before); // examples: 2 texts; the rest are guideline texts for merging
    }

    [Fact]
    public async Task Feedback_cannot_be_retracted_through_align()
    {
        var optimizer = Optimizer(SeedFeedback.ReflectionModel());
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);
        var withoutFeedback = SeedFeedback.Alignment.Select(t => t.Id == "align-3" ? Trace.Create(t.Id, "Can you help me track my order?", "Figure it out yourself.") : t);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => aligned.AlignAsync(withoutFeedback, optimizer));

        Assert.Contains("Cannot retract feedback", e.Message);
        Assert.Contains("'align-3'", e.Message);
        Assert.Contains("UnalignAsync", e.Message);
    }

    [Fact]
    public async Task Majority_wins_and_a_tie_goes_to_the_most_recent_group()
    {
        var t0 = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        var majority = Trace.Create("m", "q", "a")
            .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("e1"), "good", t0) { Id = "m1" })
            .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("e2"), "fine", t0) { Id = "m2" })
            .WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("e3"), "bad", t0.AddDays(1)) { Id = "m3" });
        var tie = Trace.Create("t", "q2", "a2")
            .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("e1"), "yes", t0) { Id = "t1" })
            .WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("e2"), "no", t0.AddHours(1)) { Id = "t2" });

        var (aligned, report) = await BaseJudge().AlignAsync([majority, tie], Optimizer(SeedFeedback.ReflectionModel()));

        // The two agreeing labels are one example: named by the first id, both reviewers, both rationales, weight 2.
        var won = Assert.Single(aligned.Memory.Examples, e => e.TraceId == "m");
        Assert.Equal(("m1", true, 2, "good\n\nfine"), (won.Id, won.Value.AsBoolean(), won.Weight, won.Rationale));
        Assert.Equal(["e1", "e2"], won.Reviewers);
        Assert.Equal(FeedbackValue.FromBoolean(false), aligned.Memory.Examples.Single(e => e.TraceId == "t").Value);
        Assert.Equal(["m3", "t1"], report.DiscardedAssessments.Select(d => d.AssessmentId).Order());
        Assert.Contains("outvoted", report.DiscardedAssessments[0].Reason);
    }

    [Fact]
    public async Task Only_human_feedback_named_like_the_judge_counts()
    {
        var trace = Trace.Create("x", "q", "a")
            .WithAssessment(new Assessment("  HELPFULNESS ", false, AssessmentSource.Human("e"), "named loosely") { Id = "human" })
            .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.LlmJudge("gpt"), "a judge") { Id = "judge" })
            .WithAssessment(new Assessment("safety", true, AssessmentSource.Human("e"), "other judge") { Id = "other" })
            .WithAssessment(new Assessment("helpfulness", "maybe", AssessmentSource.Human("e2"), "bad value") { Id = "bad" });

        var (aligned, report) = await BaseJudge().AlignAsync([trace], Optimizer(SeedFeedback.ReflectionModel()));

        Assert.Equal("human", Assert.Single(aligned.Memory.Examples).Id);
        Assert.Contains(report.DiscardedAssessments, d => d.AssessmentId == "bad" && d.Reason.Contains("true or false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Traces_missing_a_field_the_rubric_uses_are_skipped_with_the_reason()
    {
        var definition = JudgeDefinition.Create("correct", "{{ outputs }} vs {{ expectations }}", FeedbackValueType.Boolean);
        var judge = new Judge<bool>(definition, new ScriptedChatClient());
        var complete = Trace.Create("full", "q", "a", expectations: "e").WithAssessment(new Assessment("correct", true, SeedFeedback.Expert, "matches"));
        var partial = Trace.Create("partial", "q", "a").WithAssessment(new Assessment("correct", false, SeedFeedback.Expert, "no"));
        var logs = new CapturingLoggerFactory();

        var (aligned, report) = await judge.AlignAsync([complete, partial], new MemAlignOptimizer(new MemAlignOptions { ReflectionCallOptions = Fast with { LoggerFactory = logs } }));

        Assert.Equal("full", Assert.Single(aligned.Memory.Examples).TraceId);
        Assert.Equal("outputs", aligned.Memory.Examples[0].EmbeddedField);
        var skip = Assert.Single(report.SkippedTraces);
        Assert.Equal("partial", skip.TraceId);
        Assert.Contains("expectations", skip.Reason);
        Assert.Contains(logs.Lines, l => l.Contains("trace partial skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_traces_and_no_usable_feedback_are_errors_that_name_the_judge()
    {
        var judge = BaseJudge();

        Assert.Contains("No traces provided", (await Assert.ThrowsAsync<ArgumentException>(() => judge.AlignAsync([]))).Message);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => judge.AlignAsync([Trace.Create("a", "q", "r"), Trace.Create("b", "q", "r")]));
        Assert.Contains("No valid feedback records found for 2 trace(s)", e.Message);
        Assert.Contains("human assessments with name 'helpfulness'", e.Message);
    }

    [Fact]
    public async Task A_failed_distillation_is_reported_and_logged_with_the_reflection_settings_secret_masked()
    {
        const string Key = "sk-reflection-secret-0123456789";
        var reflection = new ScriptedChatClient(fallback: _ => throw new HttpRequestException($"bad request for key {Key}", null, HttpStatusCode.BadRequest));
        var logs = new CapturingLoggerFactory();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions
        {
            ReflectionModel = reflection,
            ReflectionCallOptions = Fast with { SecretRedactor = SecretRedactor.For(Key), LoggerFactory = logs },
            EmbeddingGenerator = new CountingEmbedder(),
        });

        var (_, report) = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);

        var failure = Assert.Single(report.Failures);
        Assert.Contains("HTTP 400", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(Key, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_batch_is_reported_what_succeeded_is_kept_and_the_next_align_distils_only_what_is_missing()
    {
        var failing = true;
        var reflection = new ScriptedChatClient(fallback: request =>
            failing && SeedFeedback.Records(request.User).Any(r => r.Id == "align-3")
                ? throw new HttpRequestException("bad request", null, HttpStatusCode.BadRequest)
                : SeedFeedback.Distil(request));
        var optimizer = Optimizer(reflection, maxRecords: 2);

        var (partial, report) = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);

        var failure = Assert.Single(report.Failures);
        Assert.Equal(["align-3", "align-4"], failure.TraceIds);
        Assert.Contains("HTTP 400", failure.Reason);
        Assert.False(report.IsComplete);
        Assert.Equal(5, partial.Memory.Examples.Count);
        Assert.Equal(["align-3", "align-4"], partial.Memory.Examples.Where(e => !e.IsDistilled).Select(e => e.TraceId));
        Assert.Contains(partial.Memory.Guidelines, g => g.Text == SeedFeedback.EmpathyGuideline);
        Assert.DoesNotContain(partial.Memory.Guidelines, g => g.Text == SeedFeedback.RudenessGuideline);

        failing = false;
        var before = reflection.CallCount;
        var (complete, retry) = await partial.AlignAsync(SeedFeedback.Alignment, optimizer);

        Assert.Equal(1, reflection.CallCount - before);
        Assert.Equal(["align-3", "align-4"], SeedFeedback.Records(reflection.Requests[^1].User).Select(r => r.Id));
        Assert.True(retry.IsComplete);
        Assert.All(complete.Memory.Examples, e => Assert.True(e.IsDistilled));
        Assert.Contains(complete.Memory.Guidelines, g => g.Text == SeedFeedback.RudenessGuideline);
    }

    [Fact]
    public async Task Near_duplicate_guidelines_from_parallel_batches_merge_with_the_union_of_sources_in_a_deterministic_order()
    {
        var random = new Random(7);
        var reflection = new ScriptedChatClient(fallback: request =>
        {
            Thread.Sleep(random.Next(0, 20)); // batches finish in varying order
            var ids = SeedFeedback.Records(request.User).Select(r => r.Id).ToList();
            var text = ids.Contains("align-1") ? "Always be polite to customers." : "Always be polite to customers!";
            return ScriptedChatClient.Response(System.Text.Json.JsonSerializer.Serialize(new { guidelines = new[] { new { guideline_text = text, source_trace_ids = ids } } }));
        });

        var first = await BaseJudge().AlignAsync(SeedFeedback.Alignment, Optimizer(reflection, maxRecords: 1));
        var second = await BaseJudge().AlignAsync(SeedFeedback.Alignment, Optimizer(reflection, maxRecords: 1));

        var merged = Assert.Single(first.Judge.Memory.Guidelines);
        Assert.Equal("Always be polite to customers.", merged.Text);
        Assert.Equal(["align-1", "align-2", "align-3", "align-4", "align-5"], merged.SourceTraceIds);
        Assert.Equal((1, 4), (first.Report.GuidelinesAdded, first.Report.GuidelinesMerged));
        Assert.Equal(first.Judge.Memory.Guidelines, second.Judge.Memory.Guidelines);
    }

    [Fact]
    public async Task Guidelines_without_a_valid_source_and_exact_repeats_are_dropped()
    {
        var reflection = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("""
            {"guidelines": [
              {"guideline_text": "Cites nothing.", "source_trace_ids": []},
              {"guideline_text": "Cites an unknown trace.", "source_trace_ids": ["nope"]},
              {"guideline_text": "Be kind.", "source_trace_ids": ["align-1"]},
              {"guideline_text": "Be kind.", "source_trace_ids": ["align-2"]}
            ]}
            """));

        var (aligned, _) = await BaseJudge().AlignAsync(SeedFeedback.Alignment, Optimizer(reflection));

        Assert.Equal("Be kind.", Assert.Single(aligned.Memory.Guidelines).Text);
    }

    [Fact]
    public async Task User_written_guidelines_survive_unalign()
    {
        var optimizer = Optimizer(SeedFeedback.ReflectionModel());
        Judge<bool> aligned = await BaseJudge().WithGuidelines("Prefer concise answers.").AlignAsync(SeedFeedback.Alignment, optimizer);

        var (empty, report) = await aligned.UnalignAsync(SeedFeedback.Alignment, optimizer: optimizer);

        Assert.Equal("Prefer concise answers.", Assert.Single(empty.Memory.Guidelines).Text);
        Assert.Empty(empty.Memory.Examples);
        Assert.Equal((5, 4), (report.ExamplesRemoved, report.GuidelinesDropped));
    }

    [Fact]
    public async Task Unalign_prunes_sources_and_redistill_rebuilds_weakened_guidelines_from_what_remains()
    {
        var reflection = SeedFeedback.ReflectionModel();
        var optimizer = Optimizer(reflection);
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);

        var (pruned, plain) = await aligned.UnalignAsync(["align-3", "unknown-trace"], optimizer: optimizer);
        Assert.Equal(["align-4"], pruned.Memory.Guidelines.Single(g => g.Text == SeedFeedback.RudenessGuideline).SourceTraceIds);
        Assert.Equal(0, plain.ModelCalls);
        Assert.Equal("unknown-trace", Assert.Single(plain.SkippedTraces).TraceId);

        var before = reflection.CallCount;
        var (redistilled, report) = await aligned.UnalignAsync(["align-3"], redistill: true, optimizer: optimizer);

        Assert.Equal(1, reflection.CallCount - before);
        Assert.Equal(["align-4"], SeedFeedback.Records(reflection.Requests[^1].User).Select(r => r.Id));
        Assert.Equal(["align-4"], redistilled.Memory.Guidelines.Single(g => g.Text == SeedFeedback.RudenessGuideline).SourceTraceIds);
        Assert.Equal(1, report.ModelCalls);
    }

    [Fact]
    public async Task Unalign_then_align_of_the_same_traces_restores_an_equivalent_judge()
    {
        var optimizer = Optimizer(SeedFeedback.ReflectionModel());
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment, optimizer);

        Judge<bool> unaligned = await aligned.UnalignAsync(["align-5"], optimizer: optimizer);
        Judge<bool> restored = await unaligned.AlignAsync(SeedFeedback.Alignment, optimizer);

        Assert.Equal(aligned.Memory.Guidelines.Select(g => g.Text).Order(), restored.Memory.Guidelines.Select(g => g.Text).Order());
        Assert.Equal(aligned.Memory.Examples.Select(e => (e.Id, e.Fingerprint)).Order(), restored.Memory.Examples.Select(e => (e.Id, e.Fingerprint)).Order());
        var prompt = await aligned.BuildPromptAsync(SeedFeedback.Test[^1]);
        var restoredPrompt = await restored.BuildPromptAsync(SeedFeedback.Test[^1]);
        Assert.Equal(prompt.Examples.Select(e => e.Example.TraceId), restoredPrompt.Examples.Select(e => e.Example.TraceId));
    }

    [Fact]
    public async Task Parallel_evaluations_on_one_aligned_judge_never_mix_retrieved_examples()
    {
        var judgeModel = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"r\", \"result\": true}"));
        var traces = Enumerable.Range(0, 200).Select(i => SeedFeedback.Labelled($"p{i}", $"question {i} about {(i % 3 == 0 ? "orders" : i % 3 == 1 ? "returns" : "hours")}", $"answer {i}", i % 2 == 0, $"reason {i}")).ToList();
        Judge<bool> aligned = await BaseJudge(judgeModel).AlignAsync(traces.Take(100), Optimizer(SeedFeedback.ReflectionModel(), retrievalK: 5));
        var queries = traces.Skip(100).ToList();
        var expected = new Dictionary<string, string[]>();
        foreach (var query in queries)
        {
            expected[query.Id] = (await aligned.BuildPromptAsync(query)).Examples.Select(e => e.Example.TraceId).ToArray();
        }

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => aligned.EvaluateAsync(queries[i % queries.Count])));

        foreach (var verdict in verdicts)
        {
            Assert.Equal(expected[verdict.TraceId], verdict.RetrievedExampleIds);
        }

        foreach (var request in judgeModel.Requests.Skip(0))
        {
            var id = queries.Single(q => request.User.Contains($"\ninputs: {Q(q.Inputs!.Value.GetString()!)}\n", StringComparison.Ordinal)).Id;
            foreach (var exampleId in expected[id])
            {
                Assert.Contains("  inputs: " + Q(aligned.Memory.Examples.First(e => e.TraceId == exampleId).Fields["inputs"]) + "\n", request.User);
            }
        }
    }

    [Fact]
    public async Task Memory_embedded_by_another_model_is_not_silently_mixed()
    {
        Judge<bool> aligned = await BaseJudge().AlignAsync(SeedFeedback.Alignment, Optimizer(SeedFeedback.ReflectionModel()));
        var other = new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = new CountingEmbedder(modelId: "other-embedder") });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => aligned.AlignAsync(SeedFeedback.Test, other));

        Assert.Contains("'counting-embedder'", e.Message);
        Assert.Contains("'other-embedder'", e.Message);
    }

    [Theory]
    [InlineData("RetrievalK", 0)]
    [InlineData("MaxRecordsPerBatch", 0)]
    [InlineData("MaxParallelDistillations", 0)]
    [InlineData("EmbeddingDimensions", 8)]
    [InlineData("MaxBatchInputTokens", 10)]
    public void Invalid_options_fail_at_construction_naming_the_option(string option, int value)
    {
        var options = option switch
        {
            "RetrievalK" => new MemAlignOptions { RetrievalK = value },
            "MaxRecordsPerBatch" => new MemAlignOptions { MaxRecordsPerBatch = value },
            "MaxParallelDistillations" => new MemAlignOptions { MaxParallelDistillations = value },
            "EmbeddingDimensions" => new MemAlignOptions { EmbeddingDimensions = value },
            _ => new MemAlignOptions { MaxBatchInputTokens = value },
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MemAlignOptimizer(options));

        Assert.Contains($"MemAlignOptions.{option}", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemAlignOptimizer(new MemAlignOptions { GuidelineMergeThreshold = 1.5 }));
    }

    [Fact]
    public async Task Batches_respect_the_token_budget()
    {
        var reflection = SeedFeedback.ReflectionModel();
        var longTraces = Enumerable.Range(0, 6).Select(i => SeedFeedback.Labelled($"long-{i}", string.Join(' ', Enumerable.Repeat($"word{i}", 400)), "a", true, "Direct answer.")).ToList();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = reflection, ReflectionCallOptions = Fast, MaxBatchInputTokens = 1_500 });

        await BaseJudge().AlignAsync(longTraces, optimizer);

        Assert.True(reflection.CallCount >= 3, $"{reflection.CallCount} batch(es) for ~2,400 tokens of records under a 1,500-token budget");
        Assert.All(reflection.Requests, r => Assert.InRange(SeedFeedback.Records(r.User).Count, 1, 2));
    }
}

/// <summary>The local embedder, counting its calls and texts, under a configurable model id.</summary>
internal sealed class CountingEmbedder(string modelId = "counting-embedder", int dimensions = 512) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly LocalEmbeddingGenerator _inner = new(dimensions);
    private int _calls;
    private int _texts;

    public int Calls => _calls;

    public int TextsEmbedded => _texts;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, list.Count);
        return await _inner.GenerateAsync(list, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("counting", null, modelId, dimensions) : null;

    public void Dispose() => _inner.Dispose();
}

public class RetrievalFailureTests
{
    [Fact]
    public async Task A_failing_embedder_at_scoring_time_gives_an_error_verdict()
    {
        var embedder = new FlakyEmbedder();
        Judge<bool> aligned = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment, new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = embedder }));
        embedder.Fail = true;

        var verdict = await aligned.EvaluateAsync(SeedFeedback.Test[0]);

        Assert.Equal(JudgeErrorKind.ModelFailure, verdict.Error!.Kind);
        Assert.Contains("could not retrieve examples for trace 'test-1'", verdict.Error.Message);
    }

    private sealed class FlakyEmbedder : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        private readonly LocalEmbeddingGenerator _inner = new();

        public bool Fail { get; set; }

        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Fail ? throw new HttpRequestException("embedder down") : _inner.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

        public void Dispose() => _inner.Dispose();
    }
}
