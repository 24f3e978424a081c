using MemAlign.Evaluation;

namespace MemAlign.Tests.Storage;

/// <summary>Pairwise results keep both orders' answers (schema 7), so a stored run reports its position consistency.</summary>
public abstract partial class StoreContract
{
    protected async Task Pairwise_results_keep_the_answers_of_both_orders()
    {
        await using var store = await OpenAsync();
        var run = await store.CreateEvaluationRunAsync(Experiment, "pairs", judgeName: "support_preference", judgeVersion: 1);
        EvaluationRecord Pair(string id, Preference asGiven, Preference swapped) => new()
        {
            TraceId = id,
            JudgeName = "support_preference",
            Value = (asGiven == swapped ? asGiven : Preference.Tie).ToString(),
            Rationale = "r",
            Pairwise = new PairwiseOrders(asGiven, swapped),
        };

        await store.SaveEvaluationResultsAsync(Experiment, run.Id,
            [Pair("p1", Preference.A, Preference.A), Pair("p2", Preference.A, Preference.B), Pair("p3", Preference.Tie, Preference.Tie),
             new EvaluationRecord { TraceId = "t1", JudgeName = "support_preference", Value = "B" }]);
        var loaded = (await store.GetEvaluationResultsAsync(Experiment, run.Id).ToListAsync()).ToDictionary(r => r.TraceId);

        Assert.Equal(new PairwiseOrders(Preference.A, Preference.A), loaded["p1"].Pairwise);
        Assert.Equal(new PairwiseOrders(Preference.A, Preference.B), loaded["p2"].Pairwise);
        Assert.Equal(new PairwiseOrders(Preference.Tie, Preference.Tie), loaded["p3"].Pairwise);
        Assert.Null(loaded["t1"].Pairwise);
        Assert.Equal(new PositionConsistency(3, 2), PositionConsistency.Compute(loaded.Values));
    }
}
