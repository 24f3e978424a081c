using MemAlign.Labeling;

namespace MemAlign.Tests;

/// <summary>Which traces a labeling session offers first (issue 16).</summary>
public class UncertaintyRankingTests
{
    [Fact]
    public void Disagreement_with_the_judge_comes_first_then_doubt_weighted_by_typicality_then_traces_the_memory_cannot_vote_on()
    {
        IReadOnlyList<TraceUncertainty> scores =
        [
            new("unvoted-1", null, null, null),
            new("sure", 0.95, true, null, Density: 0.5),
            new("outlier", 0.10, false, null, Density: 0.05), // very unsure, but like nothing else: priority 0.045
            new("typical", 0.40, true, null, Density: 0.6), // priority 0.36
            new("judge-disagrees", 0.99, true, false, Density: 0.1),
            new("unvoted-2", null, null, null),
        ];

        var order = UncertaintyRanking.Order(scores);

        Assert.Equal(["judge-disagrees", "typical", "outlier", "sure", "unvoted-1", "unvoted-2"], order);
        Assert.True(scores[4].JudgeAndMemoryDisagree);
        Assert.False(scores[1].JudgeAndMemoryDisagree);
        Assert.Equal(0, scores[0].Priority);
    }

    [Fact]
    public async Task The_memory_vote_is_surest_on_a_trace_like_its_examples_and_every_trace_gets_a_typicality()
    {
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        // "Figure it out yourself." to a tracking question under another id: in memory, one clear neighbour (a trace never recalls its own example).
        var remembered = SeedFeedback.Alignment[2];
        var copy = new Trace("copy-of-" + remembered.Id) { Inputs = remembered.Inputs, Outputs = remembered.Outputs };
        var unrelated = Trace.Create("unrelated", "Quantum chromodynamics lattice gauge", "Gluon propagators renormalise.");

        var scores = await UncertaintyRanking.ScoreAsync(aligned.Definition, aligned.Memory, aligned.Embedder!, [copy, unrelated, .. SeedFeedback.Test],
            new Dictionary<string, FeedbackValue> { ["test-3"] = true });

        var byId = scores.ToDictionary(s => s.TraceId);
        Assert.All(scores, s => Assert.NotNull(s.Confidence));
        Assert.All(scores, s => Assert.InRange(s.Density, 0, 1));
        Assert.True(byId[copy.Id].Confidence > byId["unrelated"].Confidence, $"{byId[copy.Id].Confidence} vs {byId["unrelated"].Confidence}");
        Assert.True(byId[copy.Id].Density > byId["unrelated"].Density, $"{byId[copy.Id].Density} vs {byId["unrelated"].Density}");
        Assert.Equal(false, byId["test-3"].MemoryVerdict?.AsBoolean()); // an insult: the memory says unhelpful ...
        Assert.Equal("test-3", UncertaintyRanking.Order(scores)[0]); // ... the judge said helpful: label it first
    }

    [Fact]
    public async Task Without_memory_nothing_votes_and_the_given_order_is_kept()
    {
        var judge = Judge.CreateLocal<bool>(SeedFeedback.Definition);

        var scores = await UncertaintyRanking.ScoreAsync(judge.Definition, judge.Memory, new LocalEmbeddingGenerator(), SeedFeedback.Test);

        Assert.All(scores, s => Assert.Null(s.Confidence));
        Assert.Equal(SeedFeedback.Test.Select(t => t.Id), UncertaintyRanking.Order(scores));
    }
}
