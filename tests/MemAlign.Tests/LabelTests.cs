namespace MemAlign.Tests;

public class LabelTests
{
    private sealed record HelpfulnessLabel : Label<bool>
    {
        public static readonly LabelSchema Definition = new("helpfulness", FeedbackValueType.Boolean, "Helpful?", "Is the reply helpful?", LabelComment.Optional);

        public override LabelSchema Schema => Definition;

        public static HelpfulnessLabel FromAssessment(Assessment assessment, string traceId) => new()
        {
            TraceId = traceId,
            Value = ReadValue(assessment, Definition),
            Comment = assessment.Rationale,
            Reviewer = assessment.Source.Id,
            CreatedAt = assessment.CreatedAt,
        };
    }

    private sealed record RatingLabel : Label<int>
    {
        public override LabelSchema Schema { get; } = new("domain_quality", FeedbackValueType.Integer(1, 5));
    }

    [Fact]
    public void Labels_become_human_assessments_named_after_their_judge_and_back()
    {
        var label = new HelpfulnessLabel { TraceId = "t1", Value = false, Comment = "Cold.", Reviewer = "expert1" };

        var assessment = label.ToAssessment();
        var back = HelpfulnessLabel.FromAssessment(assessment, "t1");

        Assert.Equal("helpfulness", assessment.Name);
        Assert.Equal(AssessmentSource.Human("expert1"), assessment.Source);
        Assert.Equal("Cold.", assessment.Rationale);
        Assert.Equal(label, back);
    }

    [Fact]
    public void Values_off_the_scale_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new RatingLabel { TraceId = "t1", Value = 7 }.ToAssessment());

        Assert.Contains("'domain_quality'", e.Message);
        Assert.Contains("outside the scale 1..5", e.Message);
    }

    [Fact]
    public void Only_human_assessments_of_the_same_name_are_read()
    {
        Assert.Contains("not from a human", Assert.Throws<ArgumentException>(() =>
            HelpfulnessLabel.FromAssessment(new Assessment("helpfulness", true, AssessmentSource.LlmJudge("m")), "t1")).Message);
        Assert.Contains("not 'helpfulness'", Assert.Throws<ArgumentException>(() =>
            HelpfulnessLabel.FromAssessment(new Assessment("safety", true, AssessmentSource.Human("e")), "t1")).Message);
        Assert.True(HelpfulnessLabel.FromAssessment(new Assessment(" Helpfulness ", "yes", AssessmentSource.Human("e")), "t1").Value);
    }
}
