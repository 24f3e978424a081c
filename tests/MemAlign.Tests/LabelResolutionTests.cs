namespace MemAlign.Tests;

/// <summary>How several human labels on one trace become one: majority (ties to the most recent, or dropped), an adjudicator, or unanimous traces only.</summary>
public class LabelResolutionTests
{
    private static readonly JudgeDefinition Helpfulness = JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean);

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trace Votes(string id, params (string Reviewer, bool Value)[] votes) =>
        votes.Select((v, i) => new Assessment("helpfulness", v.Value, AssessmentSource.Human(v.Reviewer), "because", Start.AddMinutes(i)))
            .Aggregate(Trace.Create(id, "q " + id, "a " + id), (t, a) => t.WithAssessment(a));

    // single, unanimous, 2-1 majority, a 1-1 tie (the later says false), and a 2-1 where the adjudicator "boss" is in the minority.
    private static readonly List<Trace> Traces =
    [
        Votes("single", ("ann", true)),
        Votes("unanimous", ("ann", true), ("bob", true)),
        Votes("majority", ("ann", true), ("bob", true), ("cy", false)),
        Votes("tie", ("ann", true), ("bob", false)),
        Votes("boss", ("ann", true), ("bob", true), ("boss", false)),
    ];

    private static async Task<(AlignmentReport Report, Dictionary<string, FeedbackValue> Labels)> AlignAsync(LabelResolution resolution)
    {
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { LabelResolution = resolution });
        var aligned = await optimizer.AlignAsync(Helpfulness, JudgeMemory.Empty, Traces);
        return (aligned.Report, aligned.Memory.Examples.GroupBy(e => e.TraceId).ToDictionary(g => g.Key, g => g.First().Value));
    }

    [Fact]
    public async Task Majority_settles_ties_by_the_most_recent_label_by_default()
    {
        var (report, labels) = await AlignAsync(LabelResolution.Default);

        Assert.Equal(FeedbackValue.FromBoolean(false), labels["tie"]);
        Assert.Equal(FeedbackValue.FromBoolean(true), labels["boss"]);
        Assert.Equal(new LabelResolutionCounts(1, 1, 2, 1, 0, 0, 0), report.LabelResolution);
        Assert.Contains(report.DiscardedAssessments, d => d.TraceId == "tie" && d.Reason.Contains("a tie, settled by the most recent label", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropping_ties_leaves_tied_traces_out_and_says_why()
    {
        var (report, labels) = await AlignAsync(new LabelResolution { Ties = TiePolicy.Drop });

        Assert.DoesNotContain("tie", labels.Keys);
        Assert.Equal(1, report.LabelResolution.DroppedTies);
        Assert.Contains(report.SkippedTraces, s => s.TraceId == "tie" && s.Reason.Contains("split evenly (1 said ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_adjudicator_overrules_where_it_labelled_and_the_majority_decides_elsewhere()
    {
        var (report, labels) = await AlignAsync(new LabelResolution { Rule = LabelResolutionRule.Adjudicator, Adjudicator = "boss" });

        Assert.Equal(FeedbackValue.FromBoolean(false), labels["boss"]);
        Assert.Equal(FeedbackValue.FromBoolean(true), labels["majority"]);
        Assert.Equal((1, 1), (report.LabelResolution.Adjudicated, report.LabelResolution.Majority));
        Assert.Contains(report.DiscardedAssessments, d => d.TraceId == "boss" && d.Reason == "overruled: the adjudicator 'boss' said false");
    }

    [Fact]
    public async Task Unanimous_only_drops_every_disagreement()
    {
        var (report, labels) = await AlignAsync(new LabelResolution { Rule = LabelResolutionRule.DropDisagreements });

        Assert.Equal(["single", "unanimous"], labels.Keys.Order());
        Assert.Equal(3, report.LabelResolution.DroppedDisagreements);
    }

    [Fact]
    public void The_adjudicator_rule_needs_an_adjudicator()
    {
        var e = Assert.Throws<ArgumentException>(() => new MemAlignOptimizer(new MemAlignOptions { LabelResolution = new() { Rule = LabelResolutionRule.Adjudicator } }));

        Assert.Contains("adjudicator's reviewer id", e.Message);
    }
}
