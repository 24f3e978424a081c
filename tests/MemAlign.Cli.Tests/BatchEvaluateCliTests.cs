using System.Diagnostics;
using MemAlign.Evaluation;
using MemAlign.Testing;
using Xunit.Abstractions;

namespace MemAlign.Cli.Tests;

/// <summary><c>memalign evaluate --batch</c> against the loopback server's Batch API, as a user runs it: a child process.</summary>
public sealed class BatchEvaluateCliTests(ITestOutputHelper log)
{
    private const int Traces = 10;

    private static async Task<(CliRunner Cli, LoopbackOpenAIServer Model)> PrepareAsync()
    {
        var model = await LoopbackOpenAIServer.StartAsync();
        model.Otherwise(request => ServerReply.Completion(request.ToJsonString().Contains("question q3 ", StringComparison.Ordinal)
            ? """{"rationale": "does not answer", "result": false}"""
            : """{"rationale": "answers the question", "result": true}"""));
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        var traces = Enumerable.Range(0, Traces).Select(i =>
            $$$"""{"trace_id": "g{{{i}}}", "inputs": "question q{{{i}}} about an order", "outputs": "an answer", "assessments": [{"name": "helpfulness", "value": {{{(i < 8 ? "true" : "false")}}}, "source": {"type": "HUMAN", "id": "ann"}}]}""");
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", traces))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        return (cli, model);
    }

    private static int Count(LoopbackOpenAIServer model, string method, string pathStart) =>
        model.Requests.Count(r => r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    [Fact]
    public async Task Evaluate_batch_gives_the_streaming_verdicts_through_one_batch_and_its_json_carries_the_batch()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;

        var streamed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--json");
        var chatCalls = Count(model, "POST", "/v1/chat/completions");
        var batched = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01", "--json");

        Assert.True(batched.ExitCode == 0, batched.Output + batched.Errors);
        Assert.Equal(Traces, chatCalls);
        Assert.Equal(chatCalls, Count(model, "POST", "/v1/chat/completions"));
        var json = batched.Json;
        Assert.Equal(((int)streamed.Json["completed"]!, (double)streamed.Json["accuracy"]!), ((int)json["completed"]!, (double)json["accuracy"]!));
        var batch = Assert.Single(json["batches"]!.AsArray())!;
        Assert.Equal((model.Batches[0].Id, "completed", "helpfulness"), ((string)batch["id"]!, (string)batch["state"]!, (string)batch["judge"]!));
        Assert.Equal(0, (int)json["pending"]!);
        Assert.Equal((long)streamed.Json["usage"]!["input_tokens"]!, (long)json["usage"]!["batch_input_tokens"]!);
        Assert.Equal(0, (long)streamed.Json["usage"]!["batch_input_tokens"]!);

        var (uploads, creates, polls, downloads) = (Count(model, "POST", "/v1/files"), Count(model, "POST", "/v1/batches"), Count(model, "GET", "/v1/batches/"), Count(model, "GET", "/v1/files/"));
        Assert.Equal((1, 1, 1), (uploads, creates, downloads));
        log.WriteLine($"{Traces} traces: streaming {chatCalls} chat calls; batch 0 chat calls, {uploads} upload, {creates} create, {polls} polls, {downloads} download");
    }

    [Fact]
    public async Task A_process_killed_mid_poll_is_resumed_by_collecting_its_batch_without_a_second_upload()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;
        model.HoldBatches = true;

        using (var first = cli.Start("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.05", "--json"))
        {
            await WaitForPollsAsync(model, first, 2);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        await using var store = await cli.OpenStoreAsync();
        var run = Assert.Single(await store.ListEvaluationRunsAsync(cli.Experiment));
        var saved = Assert.Single(await store.GetEvaluationBatchesAsync(cli.Experiment, run.Id));
        Assert.Equal((model.Batches[0].Id, ChatBatchState.InProgress), (saved.BatchId, saved.State));
        var before = (Count(model, "POST", "/v1/files"), Count(model, "POST", "/v1/batches"));

        model.HoldBatches = false;
        var resumed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--resume", run.Id, "--poll-interval", "0.01", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Errors);
        Assert.Equal((1, 1), before);
        Assert.Equal(before, (Count(model, "POST", "/v1/files"), Count(model, "POST", "/v1/batches")));
        Assert.Equal(0, Count(model, "POST", "/v1/chat/completions"));
        Assert.Equal((Traces, 0, run.Id), ((int)resumed.Json["completed"]!, (int)resumed.Json["resumed"]!, (string)resumed.Json["run"]!));
        Assert.Equal(saved.BatchId, (string)resumed.Json["batches"]![0]!["id"]!);
        Assert.Equal(ChatBatchState.Completed, Assert.Single(await store.GetEvaluationBatchesAsync(cli.Experiment, run.Id)).State);
        log.WriteLine($"resume after kill: {Count(model, "GET", "/v1/batches/")} polls in all, 0 uploads, 0 creates, {Count(model, "GET", "/v1/files/")} download");
    }

    [Fact]
    public async Task A_batch_whose_creation_reply_was_lost_is_found_and_collected_by_the_resume_the_tool_prints()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;
        model.LoseNextBatchCreateReply = true;

        var failed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01");

        Assert.NotEqual(0, failed.ExitCode);
        await using var store = await cli.OpenStoreAsync();
        var run = Assert.Single(await store.ListEvaluationRunsAsync(cli.Experiment));
        Assert.Empty(await store.GetEvaluationBatchesAsync(cli.Experiment, run.Id));
        Assert.Contains($"memalign evaluate --judge helpfulness --resume {run.Id}", failed.Output + failed.Errors, StringComparison.Ordinal);

        var resumed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--resume", run.Id, "--poll-interval", "0.01", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Errors);
        Assert.Equal((1, 1), (Count(model, "POST", "/v1/files"), Count(model, "POST", "/v1/batches")));
        Assert.Equal(0, Count(model, "POST", "/v1/chat/completions"));
        Assert.Equal(Traces, (int)resumed.Json["completed"]!);
        Assert.Equal(model.Batches[0].Id, (string)resumed.Json["batches"]![0]!["id"]!);
        log.WriteLine($"resume after a lost create reply: 1 upload, 1 create in all, {Count(model, "GET", "/v1/batches")} batch reads (list and polls), {Traces} results");
    }

    [Fact]
    public async Task Ctrl_c_while_polling_leaves_the_batch_running_and_prints_the_resume_command()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;
        model.HoldBatches = true;

        using var process = cli.Start("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.05");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await WaitForPollsAsync(model, process, 2);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await interrupt.WaitForExitAsync();
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            // A process that ignored the interrupt must not outlive the test (with the loopback server gone it would poll forever).
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var said = await errors + await output;
        await using var store = await cli.OpenStoreAsync();
        var run = Assert.Single(await store.ListEvaluationRunsAsync(cli.Experiment));
        Assert.Contains($"Batch {model.Batches[0].Id} keeps running at the provider and is saved with run {run.Id}", said, StringComparison.Ordinal);
        Assert.Contains($"memalign evaluate --judge helpfulness --resume {run.Id}", said, StringComparison.Ordinal);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(0, model.Requests.Count(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal)));
        Assert.Equal("in_progress", model.Batches[0].Status);
    }

    [Fact]
    public async Task Batch_tokens_are_priced_at_the_batch_prices_and_without_them_the_cost_is_missing_not_guessed()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;
        model.Otherwise(_ => ServerReply.Completion("""{"rationale": "answers the question", "result": true}""", model: "batch-model", promptTokens: 100, completionTokens: 10));
        const string Prices = "input=2,output=8,batchInput=1,batchOutput=4";

        var streamed = (await cli.RunAsync("evaluate", "--judge", "helpfulness", "--price", Prices, "--json")).Json["usage"]!;
        var batched = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01", "--price", Prices);
        var json = (await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01", "--price", Prices, "--json")).Json["usage"]!;
        var noBatchPrice = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01", "--price", "input=2,output=8", "--json");
        var noBatchPriceText = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01", "--price", "input=2,output=8");

        // 10 rows of 100 input and 10 output tokens: streamed (1,000 * 2 + 100 * 8) / 1e6, batched (1,000 * 1 + 100 * 4) / 1e6.
        Assert.Equal(0.0028, (double)streamed["cost"]!, 10);
        Assert.True(batched.ExitCode == 0, batched.Output + batched.Errors);
        Assert.Contains("Tokens: 10 model call(s), 1,000 input (0 cached), 100 output (1,000 in, 100 out by batch) (batch-model); cost 0.0014 at --price.", batched.Output);
        Assert.Equal((1000L, 100L), ((long)json["batch_input_tokens"]!, (long)json["batch_output_tokens"]!));
        Assert.Equal(0.0014, (double)json["cost"]!, 10);
        Assert.Empty(json["batch_unpriced_models"]!.AsArray());

        Assert.True(noBatchPrice.ExitCode == 0, noBatchPrice.Output + noBatchPrice.Errors);
        Assert.Null(noBatchPrice.Json["usage"]!["cost"]);
        Assert.Equal("batch-model", (string)noBatchPrice.Json["usage"]!["batch_unpriced_models"]![0]!);
        Assert.Contains("no cost: batch tokens are billed at the batch price, and --price has no batch price for 'batch-model' (add batchInput=..,batchOutput=..", noBatchPriceText.Output);
    }

    [Fact]
    public async Task The_settings_files_batch_prices_price_batch_tokens()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;
        model.Otherwise(_ => ServerReply.Completion("""{"rationale": "answers the question", "result": true}""", model: "batch-model", promptTokens: 100, completionTokens: 10));
        cli.WriteFile("memalign.json", ["""{ "prices": { "batch-model": { "input": 2, "output": 8, "batchInput": 0.5, "batchOutput": 2 } } }"""]);

        var json = (await cli.RunAsync("evaluate", "--judge", "helpfulness", "--batch", "--poll-interval", "0.01", "--json")).Json["usage"]!;

        // (1,000 * 0.5 + 100 * 2) / 1e6.
        Assert.Equal(0.0007, (double)json["cost"]!, 10);
        Assert.EndsWith("memalign.json", (string?)json["price_source"]);
    }

    // The batch exists and is being polled: it was saved with the run before the first poll.
    private static async Task WaitForPollsAsync(LoopbackOpenAIServer model, Process process, int polls)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Count(model, "GET", "/v1/batches/") < polls)
        {
            Assert.False(process.HasExited, "The CLI ended before it polled its batch: " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : ""));
            Assert.True(DateTime.UtcNow < deadline, "The CLI never polled a batch.");
            await Task.Delay(20);
        }
    }
}
