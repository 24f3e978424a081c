using MemAlign.Models;
using MemAlign.Prompting;

namespace MemAlign.Tests;

/// <summary>
/// Issue 26, one example per trace: the agreeing labels of several experts are one episodic example (reviewers, weight,
/// rationales together), retrieval fills its k slots with k distinct traces, the local judge's vote counts a trace by its
/// weight, and unaligning a trace removes its one example.
/// </summary>
public class OnePerTraceTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    // A trace labelled by the given reviewers, each with a rationale of their own.
    private static Trace Labelled(string id, string question, bool value, params string[] reviewers) =>
        reviewers.Select((r, i) => new Assessment(SeedFeedback.Definition.Name, value, AssessmentSource.Human(r), $"{r} on {id}", T0.AddMinutes(i)) { Id = $"{id}-{r}" })
            .Aggregate(Trace.Create(id, question, "The answer " + id), (trace, a) => trace.WithAssessment(a));

    private static List<Trace> Traces() =>
    [
        Labelled("t-three", "Where is my order 1001?", true, "ann", "bob", "cat"),
        Labelled("t-two", "Where is my order 1002?", true, "ann", "bob"),
        Labelled("t-one", "Where is my order 1003?", false, "ann"),
        Labelled("t-four", "Can I return shoes?", false, "ann", "bob", "cat", "dan"),
        Labelled("t-solo", "How do I reset my password?", true, "bob"),
        Labelled("t-last", "Do you ship abroad?", false, "cat", "dan"),
    ];

    [Fact]
    public async Task Three_reviewers_agreeing_on_a_trace_are_one_example_and_retrieval_returns_k_distinct_traces()
    {
        var aligned = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(Traces());

        Assert.Equal(6, aligned.Judge.Memory.Examples.Count);
        Assert.Equal(6, aligned.Report.ExamplesAdded);
        var three = aligned.Judge.Memory.Examples.Single(e => e.TraceId == "t-three");
        Assert.Equal(["ann", "bob", "cat"], three.Reviewers);
        Assert.Equal((3, "t-three-ann", "ann on t-three\n\nbob on t-three\n\ncat on t-three"), (three.Weight, three.Id, three.Rationale));

        var prompt = await aligned.Judge.BuildPromptAsync(Trace.Create("q", "Where is my order 1004?", "Tomorrow."));

        Assert.Equal(aligned.Judge.Memory.RetrievalK, prompt.Examples.Count);
        Assert.Equal(prompt.Examples.Count, prompt.Examples.Select(e => e.Example.TraceId).Distinct(StringComparer.Ordinal).Count());

        // The rationales of the three are one JSON string in the prompt (fenced as data), and the trace is shown once.
        Assert.Equal(1, Occurrences(prompt.UserText, "Where is my order 1001?"));
        Assert.Contains("rationale: " + PromptJson.Quote("ann on t-three\n\nbob on t-three\n\ncat on t-three"), prompt.UserText);
    }

    [Fact]
    public async Task An_older_memory_with_an_example_per_label_retrieves_distinct_traces_weighted_as_before()
    {
        var aligned = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(Traces());
        var perLabel = aligned.Judge.Memory.Examples.SelectMany(e => Enumerable.Range(0, e.Weight).Select(i =>
            new EpisodicExample($"{e.Id}-{i}", e.TraceId, e.Value, null, e.Fields, e.EmbeddedField, e.Vector, e.Fingerprint, e.IsDistilled))).ToList();
        Assert.Equal(13, perLabel.Count);

        var loaded = new JudgeMemory(aligned.Judge.Memory.Guidelines, perLabel, aligned.Judge.Memory.EmbeddingModelId, aligned.Judge.Memory.EmbeddingDimensions, aligned.Judge.Memory.RetrievalK);

        Assert.Equal(aligned.Judge.Memory.Examples.Select(e => (e.TraceId, e.Weight)), loaded.Examples.Select(e => (e.TraceId, e.Weight)));
        var hits = loaded.Index.Search(loaded.Examples[0].Vector.Span, 5);
        Assert.Equal(5, hits.Select(h => h.Example.TraceId).Distinct(StringComparer.Ordinal).Count());
        Assert.Throws<ArgumentException>(() => { _ = new Alignment.EpisodicIndex(perLabel, loaded.EmbeddingDimensions); });
    }

    [Fact]
    public void The_class_vote_counts_a_trace_by_its_weight_the_labels_it_stands_for()
    {
        var fields = new Dictionary<string, string> { ["inputs"] = "q" };
        RetrievedExample Neighbour(string trace, bool value, float similarity, int weight) =>
            new(new EpisodicExample(trace + "-a", trace, value, null, fields, "inputs", new float[] { 1 }, "fp", true, null, weight), similarity);
        ClassCount[] even = [new(FeedbackValue.FromBoolean(true), 5), new(FeedbackValue.FromBoolean(false), 5)];

        // One closer trace one expert labelled true, one a little further that three experts agreed was false.
        var weighted = LocalClassVote.Decide([Neighbour("a", true, 0.9f, 1), Neighbour("b", false, 0.8f, 3)], even, 10, priorWeight: 1);
        var single = LocalClassVote.Decide([Neighbour("a", true, 0.9f, 1), Neighbour("b", false, 0.8f, 1)], even, 10, priorWeight: 1);

        Assert.False(weighted.Value.AsBoolean());
        Assert.Equal(0.9 + 2.4, weighted.NeighbourWeight, 1e-6);
        Assert.Equal((0.5 + 2.4) / (3.3 + 1), weighted.Confidence, 1e-6);
        Assert.True(single.Value.AsBoolean()); // the same neighbours, each one label: the closer one wins
    }

    [Fact]
    public void The_numeric_vote_weighs_a_trace_by_its_labels_and_the_calibration_counts_labels()
    {
        var fields = new Dictionary<string, string> { ["inputs"] = "q" };
        var scale = FeedbackValueType.Integer(-4, 4);
        RetrievedExample Neighbour(string trace, int value, int weight) =>
            new(new EpisodicExample(trace + "-a", trace, value, null, fields, "inputs", new float[] { 1, 0 }, "fp", true, null, weight), 1f);

        var memory = new JudgeMemory([], [Neighbour("a", 4, 1).Example, Neighbour("b", -2, 2).Example], "test-embedder", 2, 3);
        var calibration = LocalCalibration.For(memory);
        var estimate = LocalNumericVote.Decide([Neighbour("a", 4, 1), Neighbour("b", -2, 2)], calibration.Classes, scale);

        Assert.Equal((4 * 1 + -2 * 2) / 3.0, estimate.NeighbourMean, 1e-9);
        Assert.Equal((3, 0.0, 0.0), (calibration.Total, calibration.Mean, estimate.MemoryMean));
    }

    [Fact]
    public async Task Unaligning_a_trace_several_experts_labelled_removes_its_one_example()
    {
        var aligned = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(Traces());

        var unaligned = await aligned.Judge.UnalignAsync(["t-four"]);

        Assert.Equal(1, unaligned.Report.ExamplesRemoved);
        Assert.Equal(5, unaligned.Judge.Memory.Examples.Count);
        Assert.DoesNotContain(unaligned.Judge.Memory.Examples, e => e.TraceId == "t-four");
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
