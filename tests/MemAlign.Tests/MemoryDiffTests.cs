using MemAlign.Alignment;

namespace MemAlign.Tests;

/// <summary>The feedback-versus-memory diff alone: no model, no embedder.</summary>
public class MemoryDiffTests
{
    private static readonly ReadOnlyMemory<float> Vector = new float[] { 1, 0 };

    private static EpisodicExample Example(string traceId, string fingerprint) =>
        new("a-" + traceId, traceId, FeedbackValue.FromBoolean(true), "why", new Dictionary<string, string> { ["inputs"] = "q" }, "inputs", Vector, fingerprint, isDistilled: true);

    private static FeedbackRecord Record(string traceId, string fingerprint, int assessments = 1) =>
        new(traceId, FeedbackValue.FromBoolean(true),
            Enumerable.Range(0, assessments).Select(i => new Assessment("j", true, AssessmentSource.Human("e" + i), "why") { Id = $"a-{traceId}-{i}" }).ToList(),
            new Dictionary<string, string> { ["inputs"] = "q" }, "inputs", fingerprint);

    private static JudgeMemory Memory(IEnumerable<EpisodicExample> examples, params Guideline[] guidelines) => new(guidelines, examples, "test-embedder", 2, 3);

    [Fact]
    public void Unchanged_traces_cost_nothing_new_ones_are_fresh_and_changed_ones_replace_their_examples_and_support()
    {
        var memory = Memory([Example("same", "f1"), Example("changed", "f2")],
            new Guideline("Only from the changed trace.", ["changed"]), new Guideline("From both.", ["changed", "same"]), new Guideline("Written by a user."));

        var diff = MemoryDiff.Compute(memory, [Record("same", "f1"), Record("changed", "f2-edited", assessments: 2), Record("new", "f3")], []);

        Assert.Equal(["changed", "new"], diff.Fresh.Select(r => r.TraceId));
        Assert.Equal(["same"], diff.KeptExamples.Select(e => e.TraceId));
        Assert.Equal((1, 1, 0, 1, 1), (diff.Added, diff.Replaced, diff.Removed, diff.Unchanged, diff.GuidelinesDropped)); // counted by trace: one example each
        Assert.Equal(["From both.", "Written by a user."], diff.Guidelines.Select(g => g.Text));
        Assert.Equal(["same"], diff.Guidelines[0].SourceTraceIds);
        Assert.Empty(diff.Retracted);
    }

    [Fact]
    public void A_remembered_trace_without_feedback_now_is_retracted_not_dropped()
    {
        var memory = Memory([Example("kept", "f1"), Example("gone", "f2")]);

        var diff = MemoryDiff.Compute(memory, [Record("kept", "f1")], [new SkippedTrace("gone", "no human feedback"), new SkippedTrace("never-seen", "no human feedback")]);

        Assert.Equal(["gone"], diff.Retracted.Select(r => r.TraceId));
    }

    [Fact]
    public void A_changed_trace_labelled_by_two_replaces_its_one_example()
    {
        var memory = Memory([Example("t", "f1"), Example("u", "f0")]);

        var diff = MemoryDiff.Compute(memory, [Record("t", "f1-edited", assessments: 2), Record("u", "f0")], []);

        Assert.Equal((0, 1, 0, 1), (diff.Added, diff.Replaced, diff.Removed, diff.Unchanged));
        Assert.Equal(["u"], diff.KeptExamples.Select(e => e.TraceId));
        Assert.Equal(2, Assert.Single(diff.Fresh).ToExample(Vector, isDistilled: false).Weight);
    }

    [Fact]
    public void An_older_memorys_examples_of_one_trace_are_one_example_which_an_unchanged_align_gives_its_reviewers_at_no_cost()
    {
        // As memories before one example per trace stored them: one per label, no reviewers, one fingerprint for the trace.
        var memory = Memory([Example("t", "f1"), new("b-t", "t", FeedbackValue.FromBoolean(true), "also why", new Dictionary<string, string> { ["inputs"] = "q" }, "inputs", Vector, "f1", isDistilled: true)]);
        var merged = Assert.Single(memory.Examples);
        Assert.Equal(("a-t", 2, "why\n\nalso why", 0), (merged.Id, merged.Weight, merged.Rationale, merged.Reviewers.Count));

        var diff = MemoryDiff.Compute(memory, [Record("t", "f1", assessments: 2)], []);

        Assert.Empty(diff.Fresh); // nothing to embed or distil
        Assert.Equal((0, 0, 0, 1), (diff.Added, diff.Replaced, diff.Removed, diff.Unchanged));
        var kept = Assert.Single(diff.KeptExamples);
        Assert.Equal(["e0", "e1"], kept.Reviewers);
        Assert.Equal((2, true), (kept.Weight, kept.IsDistilled));
        Assert.Equal(Vector.ToArray(), kept.Vector.ToArray());
    }

    [Fact]
    public void Examples_of_one_trace_with_different_verdicts_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Memory([Example("t", "f1"),
            new("b-t", "t", FeedbackValue.FromBoolean(false), null, new Dictionary<string, string> { ["inputs"] = "q" }, "inputs", Vector, "f1", isDistilled: true)]));

        Assert.Contains("Trace 't' has examples with different verdicts", e.Message);
    }
}
