using MemAlign.Labeling;

namespace MemAlign.Tests;

/// <summary>What a reviewer labels next and where a session stands, from the labels on its traces alone (issue 16).</summary>
public class LabelingProgressTests
{
    private static readonly JudgeDefinition Definition = SeedFeedback.Definition;

    private static LabelingSession Session(int perTrace = 2, params string[] reviewers) => new()
    {
        Name = "s",
        Experiment = "e",
        JudgeName = Definition.Name,
        Reviewers = reviewers,
        LabelsPerTrace = perTrace,
        TraceIds = ["t1", "t2", "t3", "t4"],
    };

    private static Trace Labelled(string id, params (string Reviewer, bool Value)[] labels) =>
        labels.Aggregate(Trace.Create(id, $"question {id}", "answer"), (trace, l) => trace.WithAssessment(new Assessment(Definition.Name, l.Value, AssessmentSource.Human(l.Reviewer))));

    [Fact]
    public void Next_is_the_first_queued_trace_the_reviewer_has_not_labelled_or_skipped_that_still_needs_a_label()
    {
        var session = Session(2, "ann", "bob", "cy");
        var traces = new[]
        {
            Labelled("t1", ("ann", true), ("bob", true)), // complete
            Labelled("t2", ("bob", false)),
            Labelled("t3"),
            // t4 was forgotten: not in the store any more
        }.ToDictionary(t => t.Id);

        Assert.Equal("t2", LabelingProgress.Next(session, traces, "ann"));
        Assert.Equal("t3", LabelingProgress.Next(session, traces, "bob")); // bob labelled t2 already
        Assert.Equal("t3", LabelingProgress.Next(session, traces, "ann", new HashSet<string> { "t2" }));
        Assert.Null(LabelingProgress.Next(session, traces, "ann", new HashSet<string> { "t2", "t3" }));
        // A label from someone who is not a reviewer of the session neither counts nor blocks.
        traces["t3"] = Labelled("t3", ("mallory", true), ("dan", false));
        Assert.Equal("t3", LabelingProgress.Next(session, traces, "cy", new HashSet<string> { "t2" }));
        Assert.Empty(LabelingProgress.LabelsOn(session, traces["t3"]));
    }

    [Fact]
    public void Status_counts_labels_per_reviewer_and_measures_only_the_sessions_labels()
    {
        var session = Session(2, "ann", "bob");
        IReadOnlyList<Trace> traces =
        [
            Labelled("t1", ("ann", true), ("bob", true)),
            Labelled("t2", ("ann", false), ("bob", true)),
            Labelled("t3", ("ann", true), ("bob", true), ("old-import", false)),
            Labelled("t4", ("ann", false)),
            Labelled("elsewhere", ("ann", true), ("bob", false)), // not in the queue
        ];

        var status = LabelingProgress.Status(session, traces, Definition);

        Assert.Equal((4, 3, 7), (status.Traces, status.Complete, status.Labels));
        Assert.Equal([new ReviewerProgress("ann", 4, 0), new ReviewerProgress("bob", 3, 1)], status.Reviewers);
        Assert.Equal(3, status.Agreement.MultiplyLabelledTraces); // t1..t3, not 'elsewhere', and not old-import's label
        // ann and bob agree on two of three, but bob always says true: chance agreement is 2/3 as well, so kappa is 0.
        Assert.Equal(0.0, status.Agreement.Statistics!.MeanCohensKappa!.Value, 12);
    }

    [Fact]
    public void The_judge_is_compared_with_each_reviewer_with_an_interval_over_their_shared_traces()
    {
        var session = Session(2, "#7", "zoe");
        IReadOnlyList<Trace> traces =
        [
            Labelled("t1", ("#7", true), ("zoe", true)),
            Labelled("t2", ("#7", false), ("zoe", true)),
            Labelled("t3", ("#7", true), ("zoe", false)),
            Labelled("t4", ("#7", false)),
        ];
        var verdicts = new Dictionary<string, FeedbackValue> { ["t1"] = true, ["t2"] = false, ["t3"] = true, ["t4"] = false, ["elsewhere"] = true };

        var pairs = LabelingProgress.JudgeAgreement(session, traces, verdicts).ToDictionary(p => p.Reviewer);

        Assert.Equal((4, 1.0), (pairs["#7"].SharedTraces, pairs["#7"].Kappa!.Value)); // the judge says what #7 says
        Assert.Equal(3, pairs["zoe"].SharedTraces);
        Assert.True(pairs["zoe"].Kappa < 0, $"the judge disagrees with zoe on two of three: {pairs["zoe"].Kappa}");
        var interval = pairs["zoe"].KappaInterval!;
        Assert.Equal(pairs["zoe"].Kappa!.Value, interval.Estimate, 12);
        Assert.True(interval.Lower <= interval.Estimate && interval.Estimate <= interval.Upper && interval.Lower < interval.Upper, $"{interval}");
    }
}
