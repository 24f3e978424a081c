using MemAlign.Labeling;
using MemAlign.Storage;

namespace MemAlign.Tests.Storage;

/// <summary>A labeling session's labels: read without the traces' content, and the labels-per-trace limit held by the store under races.</summary>
public abstract partial class StoreContract
{
    private LabelingSession RacedSession(IReadOnlyList<string> reviewers, int labelsPerTrace, params string[] traceIds) => new()
    {
        Name = "raced",
        Experiment = Experiment,
        JudgeName = "helpfulness",
        Reviewers = reviewers,
        LabelsPerTrace = labelsPerTrace,
        TraceIds = traceIds,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static Assessment Label(string reviewer, bool value) => new("helpfulness", value, AssessmentSource.Human(reviewer));

    protected async Task Many_writers_on_one_trace_never_exceed_the_sessions_labels_per_trace()
    {
        string[] reviewers = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"];
        var session = RacedSession(reviewers, 2, "q1");
        await using (var setup = await OpenAsync())
        {
            await setup.AddTracesAsync(Experiment, [Trace.Create("q1", "question", "answer")]);
            await setup.CreateLabelingSessionAsync(session);
        }

        // Each reviewer writes through a store of their own (its own connections): as servers sharing the session do.
        var stores = await Task.WhenAll(reviewers.Select(_ => OpenAsync()));
        try
        {
            using var start = new Barrier(reviewers.Length);
            var outcomes = await Task.WhenAll(reviewers.Select((reviewer, i) => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await stores[i].LogLabelAsync(session, "q1", Label(reviewer, i % 2 == 0));
                    return "written";
                }
                catch (LabelLimitReachedException e)
                {
                    Assert.Equal(("raced", "q1", 2), (e.SessionName, e.TraceId, e.LabelsPerTrace));
                    return "refused";
                }
            })));

            Assert.Equal(2, outcomes.Count(o => o == "written"));
            Assert.Equal(6, outcomes.Count(o => o == "refused"));
            var labels = await stores[0].GetSessionLabelsAsync(session);
            Assert.Equal(2, labels["q1"].Count);
            var stored = (await stores[0].GetTraceAsync(Experiment, "q1"))!.Assessments;
            Assert.Equal(2, stored.Count(a => a.Source.Type == AssessmentSourceType.Human));

            // A reviewer who has a label may always change it; the history keeps the one replaced.
            var owner = labels["q1"][0];
            var replaced = await stores[1].LogLabelAsync(session, "q1", Label(owner.Source.Id, !owner.Value.AsBoolean()) with { Rationale = "changed my mind" });
            Assert.Equal(owner.Id, replaced!.Id);
            Assert.Equal("changed my mind", (await stores[0].GetSessionLabelsAsync(session))["q1"].Single(a => a.Source.Id == owner.Source.Id).Rationale);
            Assert.Single(await stores[0].GetAssessmentHistoryAsync(Experiment, "q1"));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    protected async Task A_sessions_labels_are_read_per_queued_trace_and_foreign_labels_are_refused()
    {
        await using var store = await OpenAsync();
        await store.AddTracesAsync(Experiment, [Trace.Create("q1", "a", "b"), Trace.Create("q2", "c", "d"), Trace.Create("q3", "e", "f")]);
        var session = RacedSession(["ann", "bob"], 1, "q1", "q2", "q3");
        await store.CreateLabelingSessionAsync(session);
        await store.LogAssessmentAsync(Experiment, "q1", Label("ann", true));
        await store.LogAssessmentAsync(Experiment, "q2", Label("eve", true)); // not a reviewer of the session
        await store.LogAssessmentAsync(Experiment, "q2", new Assessment("correctness", true, AssessmentSource.Human("bob"))); // another feedback name

        Assert.Null(await store.LogLabelAsync(session, "q3", Label("bob", false)));
        await Assert.ThrowsAsync<LabelLimitReachedException>(() => store.LogLabelAsync(session, "q1", Label("bob", false)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.LogLabelAsync(session, "q2", Label("eve", false)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.LogLabelAsync(session, "q2", new Assessment("helpfulness", true, AssessmentSource.LlmJudge("gpt"))));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.LogLabelAsync(session with { TraceIds = ["missing"] }, "missing", Label("ann", true)));
        await store.ForgetAsync(Experiment, ["q2"]);

        var labels = await store.GetSessionLabelsAsync(session);
        Assert.Equal(["q1", "q3"], labels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ann", Assert.Single(labels["q1"]).Source.Id);
        Assert.Equal(("bob", false), (Assert.Single(labels["q3"]).Source.Id, labels["q3"][0].Value.AsBoolean()));
    }
}
