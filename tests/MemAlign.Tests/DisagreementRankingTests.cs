using MemAlign.Labeling;

namespace MemAlign.Tests;

/// <summary>The disagreement order of a labeling session (issue 16): the same measure as the experts' most disagreed traces.</summary>
public class DisagreementRankingTests
{
    private static Trace Rated(JudgeDefinition definition, string id, params (string Reviewer, FeedbackValue Value)[] labels) =>
        labels.Aggregate(Trace.Create(id, $"question {id}", "answer"), (trace, l) => trace.WithAssessment(new Assessment(definition.Name, l.Value, AssessmentSource.Human(l.Reviewer))));

    [Fact]
    public void Numeric_labels_are_ordered_by_their_spread_and_ties_keep_the_given_order()
    {
        var definition = JudgeDefinition.Create("quality", "Rate {{ outputs }}", FeedbackValueType.Integer(1, 5));
        IReadOnlyList<Trace> traces =
        [
            Rated(definition, "unanimous", ("a", 3), ("b", 3)),
            Rated(definition, "close", ("a", 3), ("b", 4)),   // sd 0.5
            Rated(definition, "one-label", ("a", 1)),
            Rated(definition, "far", ("a", 1), ("b", 5)),     // sd 2: a share-outside-the-mode measure would tie it with "close"
            Rated(definition, "unlabelled"),
        ];

        Assert.Equal(["far", "close", "unanimous", "one-label", "unlabelled"], DisagreementRanking.Order(definition, traces));
    }

    [Fact]
    public void Labels_of_content_that_was_replaced_do_not_count()
    {
        var definition = SeedFeedback.Definition;
        var stale = Rated(definition, "stale", ("a", true));
        stale = stale.WithAssessment(new Assessment(definition.Name, false, AssessmentSource.Human("b")) { RatedContent = "older-content" });
        IReadOnlyList<Trace> traces = [stale, Rated(definition, "split", ("a", true), ("b", false))];

        Assert.Equal(["split", "stale"], DisagreementRanking.Order(definition, traces));
    }
}
