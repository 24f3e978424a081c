using MemAlign.Evaluation;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests.Storage;

/// <summary>What the second adversarial audit broke in the store (issue 21, part 2).</summary>
public abstract partial class StoreContract
{
    // 2.1: an align reads the traces, a forget lands, then the align registers the memory it built: the forgotten trace stays out.
    protected async Task A_judge_version_built_before_a_forget_is_registered_without_the_forgotten_trace()
    {
        await using var store = await OpenAsync();
        var secret = Trace.Create("secret", "My card number is 4111, please refund me", "Refund issued.")
            .WithAssessment(new Assessment("helpfulness", false, SeedFeedback.Expert, "Repeats the card number back.") { Id = "secret-h" });
        var traces = SeedFeedback.Alignment.Append(secret).ToList();
        await store.AddTracesAsync(Experiment, traces);
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(traces);
        var memory = aligned.Memory.With(guidelines: [.. aligned.Memory.Guidelines, new Guideline("Never repeat card numbers such as 4111.", ["secret", "align-3"]), new Guideline("Be kind.")]);
        Assert.Contains(memory.Examples, e => e.TraceId == "secret");
        var run = await store.CreateEvaluationRunAsync(Experiment, "running", judgeName: "helpfulness", judgeVersion: 1);

        var forgot = await store.ForgetAsync(Experiment, ["secret"]);
        var registered = await store.RegisterJudgeAsync(Experiment, aligned.Definition, memory);
        // An evaluation that judged the trace (or was shown its example) before the forget saves its results after it.
        await store.SaveEvaluationResultsAsync(Experiment, run.Id,
        [
            new EvaluationRecord { TraceId = "secret", JudgeName = "helpfulness", Value = false, Rationale = "It repeats 4111." },
            new EvaluationRecord { TraceId = "align-1", JudgeName = "helpfulness", Value = true, Rationale = "Like secret, which said 4111.", RetrievedExampleIds = ["secret", "align-2"] },
        ]);

        Assert.Equal(1, forgot.Traces);
        var stored = (await store.GetJudgeAsync(Experiment, "helpfulness", registered.Version))!;
        Assert.DoesNotContain(stored.Memory.Examples, e => e.TraceId == "secret");
        Assert.DoesNotContain(stored.Memory.Guidelines, g => g.SourceTraceIds.Contains("secret") || g.Text.Contains("4111", StringComparison.Ordinal));
        Assert.Contains(stored.Memory.Guidelines, g => g.Text == "Be kind.");
        Assert.False(stored.Memory.Examples.Single(e => e.TraceId == "align-3").IsDistilled); // distilled again on the next align
        Assert.Equal((memory.Examples.Count(e => e.TraceId != "secret"), memory.Guidelines.Count(g => !g.SourceTraceIds.Contains("secret"))), (registered.Examples, registered.Guidelines));
        Assert.Equal(stored.Memory.Guidelines.Count, registered.Guidelines);
        var results = await store.GetEvaluationResultsAsync(Experiment, run.Id).ToListAsync();
        var other = Assert.Single(results);
        Assert.Equal(("align-1", true, SqlWithheld), (other.TraceId, other.Redacted, other.Rationale));
        Assert.Equal(["align-2"], other.RetrievedExampleIds);

        // Importing the trace again is the user's choice: it is learned from again.
        await store.AddTraceAsync(Experiment, secret);
        var again = await store.RegisterJudgeAsync(Experiment, aligned.Definition, memory);
        Assert.Contains((await store.GetJudgeAsync(Experiment, "helpfulness", again.Version))!.Memory.Examples, e => e.TraceId == "secret");
    }

    private const string SqlWithheld = "[withheld: this verdict drew on examples of traces since forgotten]";

    // 2.1, across processes: a worker builds a memory holding a trace and registers it; this process forgets the trace; the worker
    // registers that same memory again (as an align that read the traces before the forget does when it finishes).
    protected async Task A_forget_wins_over_a_registration_racing_it_in_another_process(string storeSetting)
    {
        await using var store = await OpenAsync();
        var worker = StoreEnvironment.StartWorker("register-holding", storeSetting, Experiment, "racer", "held", "20");
        var first = await worker.StandardOutput.ReadLineAsync(); // the worker stored the trace and registered once
        if (first != "1 1")
        {
            worker.Kill();
            Assert.Fail($"The worker said '{first}': {await worker.StandardError.ReadToEndAsync()}"); // its errors end only when it does
        }

        var forgot = await store.ForgetAsync(Experiment, ["held"]);
        await worker.StandardInput.WriteLineAsync("go on");
        await worker.StandardInput.FlushAsync();
        var rest = await worker.StandardOutput.ReadToEndAsync();
        await worker.WaitForExitAsync();

        Assert.True(worker.ExitCode == 0, await worker.StandardError.ReadToEndAsync());
        Assert.Empty(forgot.UnmatchedTraceIds);
        var versions = await store.ListJudgeVersionsAsync(Experiment, "racer");
        Assert.Equal(20, versions.Count);
        foreach (var version in versions)
        {
            var judge = (await store.GetJudgeAsync(Experiment, "racer", version.Version))!;
            Assert.DoesNotContain(judge.Memory.Examples, e => e.TraceId == "held");
        }

        Assert.Equal(Enumerable.Range(2, 19).Select(v => $"{v} 0"), rest.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // registered without the example
    }

    // 2.2: every tag term holds, whatever their order.
    protected async Task Every_tag_of_a_query_must_hold_in_any_order()
    {
        await using var store = await OpenAsync();
        var traces = Enumerable.Range(0, 100).Select(i => new Trace($"q{i:D3}") { CreatedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i) }
            .WithTag("split", i % 10 == 0 ? "test" : "train").WithTag("bucket", (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await store.AddTracesAsync(Experiment, traces);

        async Task<List<string>> Ids(params KeyValuePair<string, string>[] tags) => await store.SearchTracesAsync(Experiment, new TraceQuery { Tags = tags }).Select(t => t.Id).ToListAsync();

        var expected = traces.Where((_, i) => i % 10 == 0 && i % 7 == 5).Select(t => t.Id).ToList();
        Assert.Equal(["q040"], expected);
        Assert.Equal(expected, await Ids(new("split", "test"), new("bucket", "5")));
        Assert.Equal(expected, await Ids(new("bucket", "5"), new("split", "test")));
        Assert.Empty(await Ids(new("split", "test"), new("split", "train")));
        Assert.Equal(expected, await store.SearchTracesAsync(Experiment, new TraceQuery { Tag = new("split", "test"), Tags = [new("bucket", "5")] }).Select(t => t.Id).ToListAsync());
        Assert.Empty(await store.SearchTracesAsync(Experiment, new TraceQuery { Tag = new("split", "train"), Tags = [new("split", "test")] }).ToListAsync());
    }

    // 2.3: a deleted version's number is never given again.
    protected async Task A_deleted_version_number_is_never_given_again()
    {
        await using var store = await OpenAsync();
        var definition = JudgeDefinition.Create("renumbered", "{{ inputs }}", FeedbackValueType.Boolean);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty);
        }

        Assert.Equal(1, await store.DeleteJudgeAsync(Experiment, "renumbered", 3));
        Assert.Equal(1, await store.DeleteJudgeAsync(Experiment, "renumbered", 2));
        var next = await store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty, baseVersion: 1);
        Assert.Equal((4, 1), (next.Version, next.BaseVersion));
        Assert.Equal([1, 4], (await store.ListJudgeVersionsAsync(Experiment, "renumbered")).Select(v => v.Version));

        // Deleting every version keeps the numbers too; another experiment's name counts on its own.
        Assert.Equal(2, await store.DeleteJudgeAsync(Experiment, "renumbered"));
        Assert.Equal(5, (await store.RegisterJudgeAsync(Experiment, definition, JudgeMemory.Empty)).Version);
        Assert.Equal(1, (await store.RegisterJudgeAsync(Experiment + "-other", definition, JudgeMemory.Empty)).Version);
    }

    // 2.6: ids that name nothing are reported, not silently "forgotten"; an empty id is refused before anything is written.
    protected async Task Forgetting_ids_that_name_nothing_reports_them_and_an_empty_id_is_refused()
    {
        await using var store = await OpenAsync();
        await store.AddTracesAsync(Experiment, [Sample("t1"), Sample(" t2")]);

        var report = await store.ForgetAsync(Experiment, ["t1", "tl", "t2", "T1"]);

        Assert.Equal(1, report.Traces);
        Assert.Equal(["tl", "t2", "T1"], report.UnmatchedTraceIds);
        Assert.Empty((await store.ForgetAsync(Experiment, ["t1"])).UnmatchedTraceIds); // forgotten before: it named something
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.ForgetAsync(Experiment, [" t2", ""]));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.GetTraceAsync(Experiment, " t2"));
    }
}
