using System.Text.Json;
using MemAlign.Evaluation;
using MemAlign.Testing;

namespace MemAlign.Tests;

/// <summary>
/// Pairwise judges (issue 25, part 2): "A, B or a tie", asked with the candidates in both orders, a winner only when both
/// agree, and position consistency measured beside agreement (ties included) and kappa.
/// </summary>
public sealed class PairwiseJudgeTests
{
    private static readonly JudgeDefinition Definition = PairwiseData.SupportPreference;

    private static Trace Pair(string id = "p1") => PairwiseTrace.Create(id, "Where is my refund?", "It is on its way.", "Issued today; it arrives within 3 days.");

    private static string Reply(string result) => $"{{\"rationale\": \"r-{result}\", \"result\": \"{result}\"}}";

    [Fact]
    public void The_preference_type_is_A_B_or_Tie_whatever_its_spelling_and_Inconsistent_is_no_answer()
    {
        Assert.Equal(["A", "B", "Tie"], FeedbackValueType.Preference.Options);
        Assert.True(FeedbackValueType.Preference.IsPreference);
        Assert.True(FeedbackValueType.Categorical("tie", "b", "a").IsPreference);
        Assert.False(FeedbackValueType.Categorical("A", "B").IsPreference);
        Assert.False(FeedbackValueType.Categorical("A", "B", "Tie", "Both bad").IsPreference);
        Assert.Equal(FeedbackValueType.Preference, FeedbackValueType.Enum<Preference>());
        Assert.True(FeedbackValueType.Preference.TryNormalize(FeedbackValue.FromText(" tie "), out var tie, out _));
        Assert.Equal(FeedbackValue.FromText("Tie"), tie);
        Assert.False(FeedbackValueType.Preference.TryNormalize(FeedbackValue.FromText("Inconsistent"), out _, out _));
        Assert.True(FeedbackValueType.Preference.IsRepresentableAs(typeof(Preference)));
    }

    [Fact]
    public void A_pairwise_trace_holds_the_two_candidates_in_canonical_order_and_its_tag()
    {
        var trace = Pair();

        Assert.True(PairwiseTrace.IsPairwise(trace));
        Assert.Equal("pairwise", trace.Tags["memalign.kind"]);
        Assert.Equal("It is on its way.", trace.Outputs!.Value.GetProperty("a").GetString());
        Assert.Equal("Issued today; it arrives within 3 days.", trace.Outputs!.Value.GetProperty("b").GetString());
        Assert.False(PairwiseTrace.IsPairwise(Trace.Create("t", "q", "a")));
    }

    [Fact]
    public async Task The_judge_asks_in_both_orders_and_maps_the_second_answer_back_to_the_canonical_names()
    {
        // The second call sees B first; its "B" is candidate A, so both orders prefer A.
        var model = new ScriptedChatClient().Reply(Reply("A"), 10, 5).Reply(Reply("B"), 12, 6);

        var verdict = await new Judge<Preference>(Definition, model).EvaluateAsync(Pair());

        Assert.True(verdict.IsSuccess, verdict.Error?.Message);
        Assert.Equal(Preference.A, verdict.Value);
        Assert.Equal(new PairwiseOrders(Preference.A, Preference.A), verdict.Pairwise);
        Assert.True(verdict.Pairwise!.IsConsistent);
        Assert.Equal(2, verdict.ModelCalls);
        Assert.Equal((22, 11), (verdict.Usage.InputTokens, verdict.Usage.OutputTokens));
        Assert.Equal(2, model.CallCount);
        var (first, second) = (Outputs(model.Requests[0].User), Outputs(model.Requests[1].User));
        Assert.Equal(("It is on its way.", "Issued today; it arrives within 3 days."), (first.GetProperty("a").GetString(), first.GetProperty("b").GetString()));
        Assert.Equal(("Issued today; it arrives within 3 days.", "It is on its way."), (second.GetProperty("a").GetString(), second.GetProperty("b").GetString()));
        Assert.Contains("with A shown first, A (r-A)", verdict.Rationale);
        Assert.Contains("with B shown first, A (mapped back; r-B)", verdict.Rationale);
    }

    [Theory]
    [InlineData(PairwiseInconsistency.Tie, Preference.Tie)]
    [InlineData(PairwiseInconsistency.Inconsistent, Preference.Inconsistent)]
    public async Task A_judge_that_prefers_the_first_position_either_way_gives_no_winner_as_its_options_say(PairwiseInconsistency when, Preference expected)
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response(Reply("A")));

        var verdict = await new Judge<Preference>(Definition, model, new JudgeOptions { WhenInconsistent = when }).EvaluateAsync(Pair());

        Assert.Equal(expected, verdict.Value);
        Assert.Equal(expected.ToString(), verdict.Feedback!.AsText());
        Assert.Equal(new PairwiseOrders(Preference.A, Preference.B), verdict.Pairwise);
        Assert.False(verdict.Pairwise!.IsConsistent);
        Assert.EndsWith("the orders disagree.", verdict.Rationale);
    }

    [Fact]
    public async Task Ties_in_both_orders_are_a_consistent_tie()
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response(Reply("tie")));

        var verdict = await new Judge<Preference>(Definition, model).EvaluateAsync(Pair());

        Assert.Equal((Preference.Tie, true), (verdict.Value, verdict.Pairwise!.IsConsistent));
    }

    [Fact]
    public async Task A_judge_that_is_not_pairwise_or_a_pair_without_both_candidates_is_an_error_naming_the_judge_and_the_trace()
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response(Reply("A")));
        var boolean = JudgeDefinition.Create("helpful", "Is {{ outputs }} helpful for {{ inputs }}?", FeedbackValueType.Boolean);

        var wrongJudge = await new Judge<bool>(boolean, model).EvaluateAsync(Pair("p7"));
        var oneCandidate = await new Judge<Preference>(Definition, model).EvaluateAsync(Trace.Create("p8", "q", new { a = "x", c = "y" }).WithTag("memalign.kind", "pairwise"));
        var text = await new Judge<Preference>(Definition, model).EvaluateAsync(Trace.Create("p9", "q", "just one reply").WithTag("memalign.kind", "pairwise"));

        Assert.Equal(
            "Judge 'helpful' cannot judge pairwise trace 'p7': it answers true or false, and a pairwise judge answers \"A\", \"B\" or \"Tie\" (FeedbackValueType.Preference).",
            wrongJudge.Error!.Message);
        Assert.Equal("Judge 'support_preference' cannot judge pairwise trace 'p8': its outputs must hold exactly the candidates \"a\" and \"b\", but they hold \"a\", \"c\".", oneCandidate.Error!.Message);
        Assert.Equal("Judge 'support_preference' cannot judge pairwise trace 'p9': its outputs must be an object with the two candidates, {\"a\": ..., \"b\": ...}, but they are a string.", text.Error!.Message);
        Assert.Equal(0, model.CallCount);
    }

    [Fact]
    public async Task A_failure_in_the_swapped_order_is_an_error_verdict_that_says_so()
    {
        var model = new ScriptedChatClient().Reply(Reply("A")).Reply("not json").Reply("still not").Reply("no");

        var verdict = await new Judge<Preference>(Definition, model).EvaluateAsync(Pair());

        Assert.False(verdict.IsSuccess);
        Assert.StartsWith("With the candidates swapped: ", verdict.Error!.Message);
        Assert.Null(verdict.Pairwise);
        Assert.Equal(4, verdict.ModelCalls);
    }

    [Fact]
    public void An_evaluation_report_gives_position_consistency_with_its_exact_interval_and_agreement_with_ties_and_kappa()
    {
        var run = new EvaluationRun("run-1", "default", "evaluate support_preference@1", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());
        var rows = new (string Id, string Human, Preference AsGiven, Preference Swapped)[]
        {
            ("p1", "A", Preference.A, Preference.A), ("p2", "B", Preference.B, Preference.B), ("p3", "Tie", Preference.A, Preference.B),
            ("p4", "B", Preference.A, Preference.B), ("p5", "Tie", Preference.Tie, Preference.Tie),
        };
        var traces = rows.Select(r => Pair(r.Id).WithAssessment(new Assessment("support_preference", r.Human, AssessmentSource.Human("maria")))).ToList();
        var records = rows.Select(r => new EvaluationRecord
        {
            TraceId = r.Id,
            JudgeName = "support_preference",
            Value = (r.AsGiven == r.Swapped ? r.AsGiven : Preference.Tie).ToString(),
            Pairwise = new PairwiseOrders(r.AsGiven, r.Swapped),
        }).ToList();

        var report = EvaluationReport.Build(run, Definition, records, traces);

        Assert.Equal((5, 3), (report.PositionConsistency!.Pairs, report.PositionConsistency.Consistent));
        Assert.Equal(0.6, report.PositionConsistency.Rate);
        Assert.Equal(0.4, report.PositionConsistency.InconsistentShare!.Value, 12);
        var interval = report.PositionConsistency.Interval!;
        Assert.Equal((0.6, 0.95), (interval.Estimate, interval.Level));
        Assert.Equal(0.1466, interval.Lower, 4); // exact binomial 95% for 3 of 5
        Assert.Equal(0.9473, interval.Upper, 4);
        Assert.Equal(0.8, report.Categorical!.Accuracy); // p4: B against the tie an inconsistent pair gives
        Assert.Contains("Tie", report.Categorical.Classes);
        Assert.Equal(0.6875, report.Categorical.CohensKappa!.Value, 4); // po 0.8, pe 0.36

        const string line = "Position consistency 0.600 (95% CI 0.147 to 0.947): the judge gave the same answer with either candidate first on 3 of 5 pair(s); 0.400 of its verdicts were position-inconsistent.";
        Assert.Contains(line, Reporting.EvaluationReportWriter.ToText(report), StringComparison.Ordinal);
        Assert.Contains("Position consistency 0.600", Reporting.EvaluationReportWriter.ToMarkdown(report), StringComparison.Ordinal);
        Assert.Contains("Position consistency 0.600", Reporting.EvaluationReportWriter.ToHtml(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_pairwise_results_has_no_position_consistency()
    {
        Assert.Null(PositionConsistency.Compute([new EvaluationRecord { TraceId = "t", JudgeName = "j", Value = true }]));
    }

    private static JsonElement Outputs(string user)
    {
        var start = user.IndexOf("\noutputs: ", StringComparison.Ordinal) + "\noutputs: ".Length;
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(user[start..]), new JsonReaderOptions { AllowMultipleValues = true });
        return JsonElement.ParseValue(ref reader);
    }
}
