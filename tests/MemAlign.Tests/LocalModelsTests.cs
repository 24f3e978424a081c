namespace MemAlign.Tests;

/// <summary>The whole workflow with no model configured: the extractive distiller and the local judge.</summary>
public class LocalModelsTests
{
    [Fact]
    public async Task Local_judge_without_memory_says_it_needs_alignment_or_a_model()
    {
        var verdict = await Judge.CreateLocal<bool>(SeedFeedback.Definition).EvaluateAsync(SeedFeedback.Test[0]);

        Assert.Equal(JudgeErrorKind.NotReady, verdict.Error!.Kind);
        Assert.Contains("has none for trace 'test-1'", verdict.Error.Message);
        Assert.Contains("Align it", verdict.Error.Message);
        Assert.Equal("memalign-local-judge", verdict.Model);
    }

    [Fact]
    public async Task Offline_walkthrough_distils_rationale_sentences_and_forgets_them_on_unalign()
    {
        var (aligned, report) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);

        Assert.Equal(0, report.ModelCalls);
        Assert.Equal(5, aligned.Memory.Examples.Count);
        var empathy = Assert.Single(aligned.Memory.Guidelines, g => g.SourceTraceIds.Contains("align-5"));
        Assert.StartsWith("Experts judged false when: ", empathy.Text);
        Assert.True(empathy.Text.Contains("acknowledge the customer's disappointment", StringComparison.Ordinal) || empathy.Text.Contains("I'm sorry", StringComparison.Ordinal), empathy.Text);
        Assert.All(aligned.Memory.Guidelines, g => Assert.NotEmpty(g.SourceTraceIds));

        Judge<bool> unaligned = await aligned.UnalignAsync(["align-5"]);

        Assert.DoesNotContain(unaligned.Memory.Guidelines, g => g.Text == empathy.Text);
    }

    [Fact]
    public async Task Local_judge_votes_with_similarity_weights_and_names_its_examples()
    {
        Judge<bool> aligned = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment, new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 3 }));
        var rude = Trace.Create("q", "Can you help me track my order?", "Figure it out yourself, whatever.");

        var verdict = await aligned.EvaluateAsync(rude);

        Assert.False(verdict.Value);
        Assert.Equal("memalign-local-judge", verdict.Model);
        Assert.Equal(3, verdict.RetrievedExampleIds.Count);
        Assert.Equal("align-3", verdict.RetrievedExampleIds[0]);
        // Five examples are too few to calibrate on: the prior (2 true of 5) weighs as much as five identical neighbours, one per example.
        Assert.Matches(@"^Local judge \(no model\): P\(true\)=0\.\d\d from 3 similar example\(s\) \(prior 0\.40; prior weight 5\): align-3 \(false, similarity", verdict.Rationale);
        Assert.Equal(1 - double.Parse(verdict.Rationale!.Split("P(true)=")[1][..4], System.Globalization.CultureInfo.InvariantCulture), verdict.Confidence!.Value, 0.006);
    }

    [Fact]
    public async Task Numeric_local_verdicts_are_the_weighted_mean_rounded_onto_the_scale()
    {
        var definition = JudgeDefinition.Create("quality", "Rate {{ outputs }} for {{ inputs }}", FeedbackValueType.Integer(1, 5));
        var traces = new[]
        {
            Rated("r1", "refund policy question", 5),
            Rated("r2", "refund policy question", 4),
            Rated("r3", "completely unrelated shipping topic", 1),
        };
        Judge<int> aligned = await Judge.CreateLocal<int>(definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 2 }));

        var verdict = await aligned.EvaluateAsync(Trace.Create("q", "refund policy question", "x"));

        Assert.Equal(["r1", "r2"], verdict.RetrievedExampleIds);
        Assert.Equal(5, verdict.Value); // (5 + 4) / 2 = 4.5, rounded away from zero

        static Trace Rated(string id, string inputs, int rating) =>
            Trace.Create(id, inputs, "answer").WithAssessment(new Assessment("quality", rating, AssessmentSource.Human("e"), $"rated {rating}"));
    }

    [Fact]
    public async Task Episodic_search_breaks_ties_by_trace_id_whatever_the_insertion_order()
    {
        var traces = new[] { "c", "a", "b" }.Select(id => Trace.Create(id, "identical text", "x").WithAssessment(new Assessment("quality", true, AssessmentSource.Human("e"), "same"))).ToList();
        var definition = JudgeDefinition.Create("quality", "{{ inputs }}", FeedbackValueType.Boolean);
        Judge<bool> aligned = await Judge.CreateLocal<bool>(definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 2 }));

        var verdict = await aligned.EvaluateAsync(Trace.Create("q", "identical text", "x"));

        Assert.Equal(["a", "b"], verdict.RetrievedExampleIds);
    }
}
