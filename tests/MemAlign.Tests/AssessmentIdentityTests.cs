namespace MemAlign.Tests;

/// <summary>
/// An assessment added to a trace without an id gets the stable one of its trace, name and source, so results
/// that break ties by id (retrieval of equally similar examples) are the same in every run, and the same
/// reviewer's label added again replaces the earlier one, as stores keep one per reviewer.
/// </summary>
public class AssessmentIdentityTests
{
    private static Trace Build() => Trace.Create("t1", "q", "a")
        .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("ann"), "yes"))
        .WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("bob"), "no"));

    [Fact]
    public void Generated_ids_become_the_stable_id_of_trace_name_and_source_in_every_run()
    {
        var first = Build();
        var second = Build();

        Assert.Equal(first.Assessments.Select(a => a.Id), second.Assessments.Select(a => a.Id));
        Assert.Equal(Assessment.StableId("t1", " Helpfulness", AssessmentSource.Human("ann")), first.Assessments[0].Id);
        Assert.NotEqual(first.Assessments[0].Id, first.Assessments[1].Id);
        Assert.StartsWith("a-", new Assessment("helpfulness", true, AssessmentSource.Human("ann")).Id); // alone, it stays random
    }

    [Fact]
    public void The_same_reviewers_label_again_replaces_the_earlier_one_and_given_ids_are_kept()
    {
        var trace = Build().WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("ann"), "changed my mind"));
        var given = Build().WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("ann")) { Id = "mine" });

        Assert.Equal(2, trace.Assessments.Count);
        Assert.Equal(FeedbackValue.FromBoolean(false), trace.Assessments.Single(a => a.Source.Id == "ann").Value);
        Assert.Equal(3, given.Assessments.Count);
        Assert.Contains(given.Assessments, a => a.Id == "mine");
    }
}
