using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>memalign.json and --config: flags beat environment variables, which beat the file; the file never holds a secret (issue 22).</summary>
public class SettingsFileCliTests
{
    private const string Trace = """{"trace_id": "t1", "inputs": "What are your hours?", "outputs": "Nine to six."}""";

    [Fact]
    public async Task The_file_is_used_when_no_flag_or_environment_variable_sets_a_value_and_is_never_written()
    {
        var cli = new CliRunner();
        cli.RemovedEnvironment.Add("MEMALIGN_STORE");
        var settings = cli.WriteFile("memalign.json",
        [
            "// the team's defaults (comments and trailing commas are allowed, as in appsettings.json)",
            "{",
            """  "store": "from-file.db",""",
            """  "Experiment": "from-file",""",
            "}",
        ]);
        var written = File.ReadAllBytes(settings);
        var traces = cli.WriteFile("traces.jsonl", [Trace]);

        var result = await cli.RunAsync("import", traces);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("into experiment 'from-file'", result.Output);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "from-file.db")));
        Assert.False(File.Exists(Path.Combine(cli.Folder, ".memalign", "memalign.db")));
        Assert.Equal(written, File.ReadAllBytes(settings));
    }

    [Fact]
    public async Task The_environment_beats_the_file_and_a_flag_beats_both()
    {
        var cli = new CliRunner(); // MEMALIGN_STORE is the runner's store.db
        cli.WriteFile("memalign.json", ["""{ "store": "from-file.db", "experiment": "from-file", "json": true }"""]);
        var traces = cli.WriteFile("traces.jsonl", [Trace]);

        var fromEnvironment = await cli.RunAsync("import", traces);
        var fromFlags = await cli.RunAsync("import", traces, "--store", "from-flag.db", "--experiment", "from-flag", "--json", "false");

        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.Equal(1, (int)fromEnvironment.Json["stored"]!); // "json": true from the file
        Assert.True(File.Exists(cli.Store));
        Assert.False(File.Exists(Path.Combine(cli.Folder, "from-file.db")));
        Assert.Equal(0, fromFlags.ExitCode);
        Assert.Contains("into experiment 'from-flag'", fromFlags.Output);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "from-flag.db")));
        Assert.False(File.Exists(Path.Combine(cli.Folder, "from-file.db")));
    }

    [Fact]
    public async Task The_files_model_and_base_url_are_used_and_OPENAI_BASE_URL_and_model_flag_beat_them()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        await using var fileServer = await LoopbackOpenAIServer.StartAsync();
        await using var environmentServer = await LoopbackOpenAIServer.StartAsync();
        fileServer.Otherwise(_ => ServerReply.Completion("""{"rationale": "Helpful.", "result": true}"""));
        environmentServer.Otherwise(_ => ServerReply.Completion("""{"rationale": "Helpful.", "result": true}"""));
        cli.WriteFile("memalign.json", [$$"""{ "model": "openai:/file-model", "baseUrl": "{{fileServer.BaseUrl}}" }"""]);

        var fromFile = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json");
        var fileCalls = fileServer.Requests.Count;
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = environmentServer.BaseUrl.ToString();
        var fromEnvironment = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--model", "openai:/flag-model", "--json");

        Assert.True(fromFile.ExitCode == 0, fromFile.Errors);
        Assert.Equal(5, (int)fromFile.Json["completed"]!);
        Assert.NotEqual(0, fileCalls);
        Assert.All(fileServer.Requests, r => Assert.Equal("file-model", (string)r.Json["model"]!));
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.Errors);
        Assert.Equal(fileCalls, fileServer.Requests.Count);
        Assert.NotEmpty(environmentServer.Requests);
        Assert.All(environmentServer.Requests, r => Assert.Equal("flag-model", (string)r.Json["model"]!));
    }

    [Fact]
    public async Task Config_reads_another_file_whose_store_path_is_relative_to_it_and_a_missing_one_is_a_usage_error_naming_it()
    {
        var cli = new CliRunner();
        cli.RemovedEnvironment.Add("MEMALIGN_STORE");
        Directory.CreateDirectory(Path.Combine(cli.Folder, "ci"));
        cli.WriteFile(Path.Combine("ci", "settings.json"), ["""{ "store": "ci.db", "experiment": "nightly" }"""]);
        cli.WriteFile("memalign.json", ["""{ "store": "from-default-file.db" }"""]);
        var traces = cli.WriteFile("traces.jsonl", [Trace]);

        var result = await cli.RunAsync("--config", "ci/settings.json", "import", traces);
        var missing = await cli.RunAsync("judges", "list", "--config", "ci/missing.json", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("into experiment 'nightly'", result.Output);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "ci", "ci.db")));
        Assert.False(File.Exists(Path.Combine(cli.Folder, "from-default-file.db")));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--config: there is no settings file 'ci/missing.json'", missing.Errors);
        Assert.Equal("usage", (string)missing.Json["error"]!["code"]!);
    }

    [Fact]
    public async Task A_malformed_file_is_a_usage_error_at_its_line_and_column()
    {
        var cli = new CliRunner();
        cli.WriteFile("memalign.json", ["{", """  "store": "a.db" """, """  "experiment": "x" """, "}"]);

        var result = await cli.RunAsync("judges", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: memalign.json:3:3: not valid JSON:", result.Errors);
    }

    [Fact]
    public async Task A_secret_is_refused_without_being_echoed_and_the_message_says_where_it_belongs()
    {
        var cli = new CliRunner();
        cli.WriteFile("memalign.json", ["{", """  "model": "openai:/gpt-4.1-mini",""", """  "apiKey": "sk-test-not-a-real-key" """, "}"]);
        var apiKey = await cli.RunAsync("judges", "list");
        cli.WriteFile("memalign.json", ["""{ "store": "postgres://memalign:hunter2@localhost/memalign" }"""]);
        var password = await cli.RunAsync("judges", "list");

        Assert.Equal(2, apiKey.ExitCode);
        Assert.Contains("memalign.json:3:3: 'apiKey' would hold a secret", apiKey.Errors);
        Assert.Contains("set the OPENAI_API_KEY environment variable instead", apiKey.Errors);
        Assert.DoesNotContain("sk-test-not-a-real-key", apiKey.Errors + apiKey.Output);
        Assert.Equal(2, password.ExitCode);
        Assert.Contains("memalign.json:1:3: 'store' holds a connection string with a password", password.Errors);
        Assert.Contains("PGPASSWORD", password.Errors);
        Assert.DoesNotContain("hunter2", password.Errors + password.Output);
    }

    [Fact]
    public async Task Unknown_keys_and_wrong_types_are_reported_with_the_closest_name()
    {
        var cli = new CliRunner();
        cli.WriteFile("memalign.json", ["{", """  "experimnt": "x",""", """  "colour": "red",""", """  "verbose": "yes",""", """  "baseUrl": "ftp://models" """, "}"]);

        var result = await cli.RunAsync("judges", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("memalign.json:2:3: unknown setting 'experimnt'; did you mean 'experiment'?", result.Errors);
        Assert.Contains("memalign.json:3:3: unknown setting 'colour' (memalign.json takes store, experiment, model, baseUrl, json, verbose, prices, models)", result.Errors);
        Assert.Contains("memalign.json:4:3: 'verbose' is true or false, not a string.", result.Errors);
        Assert.Contains("memalign.json:5:3: 'baseUrl' is not an absolute http(s) URL", result.Errors);
    }

    [Fact]
    public async Task Evaluate_says_what_its_tokens_cost_at_the_files_prices_and_gives_no_partial_sum_for_an_unpriced_model()
    {
        await using var model = await LoopbackOpenAIServer.StartAsync();
        model.Otherwise(_ => ServerReply.Completion("""{"rationale": "answers the question", "result": true}""", model: "priced-model", promptTokens: 42, completionTokens: 7));
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        var traces = Enumerable.Range(0, 10).Select(i => $$$"""{"trace_id": "p{{{i}}}", "inputs": "question {{{i}}}", "outputs": "an answer", "assessments": [{"name": "helpfulness", "value": true, "source": {"type": "HUMAN", "id": "ann"}}]}""");
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", traces))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        // 10 calls of 42 input and 7 output tokens: 420 * 2.5 / 1e6 + 70 * 10 / 1e6 = 0.00105 + 0.0007.
        cli.WriteFile("memalign.json", ["""{ "prices": { "Priced-Model": { "input": 2.5, "output": 10 }, "other-model": { "input": 1, "output": 1 } } }"""]);

        var priced = await cli.RunAsync("evaluate", "--judge", "helpfulness");
        var json = (await cli.RunAsync("evaluate", "--judge", "helpfulness", "--json")).Json["usage"]!;

        Assert.Equal(0, priced.ExitCode);
        Assert.Contains("Tokens: 10 model call(s), 420 input (0 cached), 70 output (priced-model); cost 0.00175 at the prices in memalign.json.", priced.Output);
        Assert.Equal(10, (int)json["model_calls"]!);
        Assert.Equal(420, (long)json["input_tokens"]!);
        Assert.Equal(70, (long)json["output_tokens"]!);
        Assert.Equal(0.00175, (double)json["cost"]!, 10);
        Assert.Empty(json["unpriced_models"]!.AsArray());

        cli.WriteFile("memalign.json", ["""{ "prices": { "other-model": { "input": 1, "output": 1 } } }"""]);
        var unpriced = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--json");

        Assert.Null(unpriced.Json["usage"]!["cost"]);
        Assert.Equal("priced-model", (string)unpriced.Json["usage"]!["unpriced_models"]![0]!);
        var text = await cli.RunAsync("evaluate", "--judge", "helpfulness");
        Assert.Contains("no cost: memalign.json has no price for 'priced-model' (add it under \"prices\", or give --price).", text.Output);
    }

    [Fact]
    public async Task Cached_tokens_the_provider_reports_are_counted_and_priced_at_the_cached_rate_by_price_or_by_the_file()
    {
        await using var model = await LoopbackOpenAIServer.StartAsync();
        model.Otherwise(_ => ServerReply.Completion("""{"rationale": "answers the question", "result": true}""", model: "cache-model", promptTokens: 2000, completionTokens: 10, cachedTokens: 1536));
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        var traces = Enumerable.Range(0, 4).Select(i => $$$"""{"trace_id": "c{{{i}}}", "inputs": "question {{{i}}}", "outputs": "an answer", "assessments": [{"name": "helpfulness", "value": true, "source": {"type": "HUMAN", "id": "ann"}}]}""");
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", traces))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        // 4 calls: 4 * (464 * 2 + 1536 * 0.5 + 10 * 8) / 1e6 = 4 * 1776 / 1e6 = 0.007104.
        cli.WriteFile("memalign.json", ["""{ "prices": { "cache-model": { "input": 1, "cachedInput": 0.25, "output": 4 } } }"""]);

        var flagged = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--price", "input=2,cached=0.5,output=8");
        var json = (await cli.RunAsync("evaluate", "--judge", "helpfulness", "--price", "input=2,cached=0.5,output=8", "--json")).Json["usage"]!;
        var fromFile = (await cli.RunAsync("evaluate", "--judge", "helpfulness", "--json")).Json["usage"]!;
        var unpriced = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--config", cli.WriteFile("empty.json", ["{}"]));

        Assert.Equal(0, flagged.ExitCode);
        Assert.Contains("Tokens: 4 model call(s), 8,000 input (6,144 cached), 40 output (cache-model); cost 0.007104 at --price.", flagged.Output);
        Assert.Equal((4, 8000L, 6144L, 40L), ((int)json["model_calls"]!, (long)json["input_tokens"]!, (long)json["cached_input_tokens"]!, (long)json["output_tokens"]!));
        Assert.Equal(0.007104, (double)json["cost"]!, 10);
        Assert.Equal("--price", (string?)json["price_source"]);
        // The file's cachedInput (an alias of cached): 4 * (464 * 1 + 1536 * 0.25 + 10 * 4) / 1e6 = 0.003552.
        Assert.Equal(0.003552, (double)fromFile["cost"]!, 10);
        Assert.EndsWith("memalign.json", (string?)fromFile["price_source"]);
        Assert.Contains("Tokens: 4 model call(s), 8,000 input (6,144 cached), 40 output (cache-model); no cost: no prices given", unpriced.Output);
    }

    [Fact]
    public async Task A_models_settings_set_how_the_tool_calls_it_no_temperature_and_the_output_budgets_of_a_reasoning_model()
    {
        await using var model = await LoopbackOpenAIServer.StartAsync();
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", ["""{"trace_id": "r1", "inputs": "q", "outputs": "a"}"""]))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        cli.WriteFile("memalign.json", ["""{ "models": { "Loopback-Reasoner": { "temperature": null, "maxOutputTokens": 500, "maxOutputTokensOnTruncation": 4000 } } }"""]);
        model.Enqueue(ReasoningReplies.Completion("", finishReason: "length", completionTokens: 500, reasoningTokens: 500))
             .Enqueue(ReasoningReplies.Completion("""{"rationale": "answers it", "result": true}""", completionTokens: 900, reasoningTokens: 860))
             .Enqueue(ServerReply.Completion("""{"rationale": "answers it", "result": true}"""));

        var reasoner = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--model", "openai:/loopback-reasoner", "--json");
        var other = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--model", "openai:/another-model");

        Assert.Equal(0, reasoner.ExitCode);
        Assert.Equal(0, other.ExitCode);
        var calls = model.Requests.Select(r => r.Json).ToList();
        Assert.Equal(3, calls.Count);
        // The reasoner: no temperature, the file's budget, then the larger one after the empty reply cut off at the limit.
        Assert.All(calls.Take(2), call => Assert.False(call.AsObject().ContainsKey("temperature")));
        Assert.Equal([500, 4_000], calls.Take(2).Select(call => (int)call["max_completion_tokens"]!));
        Assert.Equal(1_360, (int)reasoner.Json["usage"]!["reasoning_tokens"]!);
        // A model the file does not name keeps the defaults: temperature 0 and the provider's budget.
        Assert.Equal(0, (double)calls[2]["temperature"]!);
        Assert.False(calls[2].AsObject().ContainsKey("max_completion_tokens"));
    }

    [Theory]
    [InlineData("""{ "models": { "o4-mini": { "temprature": null } } }""", "memalign.json:1:3: 'models.o4-mini' has an unknown setting 'temprature'; did you mean 'temperature'?")]
    [InlineData("""{ "models": { "o4-mini": { "temperature": -1 } } }""", "'models.o4-mini.temperature' is a number of at least 0, or null to send none (for models that accept only their default), not -1.")]
    [InlineData("""{ "models": { "o4-mini": { "maxOutputTokens": 2.5 } } }""", "'models.o4-mini.maxOutputTokens' is a whole number of tokens, at least 1, not 2.5.")]
    [InlineData("""{ "models": { "o4-mini": { "maxOutputTokens": 4000, "maxOutputTokensOnTruncation": 1000 } } }""", "'models.o4-mini.maxOutputTokensOnTruncation' (1000) is the budget asked for when a reply is cut off at maxOutputTokens (4000), so it must be larger.")]
    [InlineData("""{ "models": { "o4-mini": 3 } }""", "'models.o4-mini' is an object of settings")]
    public async Task A_malformed_models_entry_is_a_usage_error_at_its_place(string file, string message)
    {
        var cli = new CliRunner();
        cli.WriteFile("memalign.json", [file]);

        var result = await cli.RunAsync("judges", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Errors);
    }

    [Theory]
    [InlineData("input=1,output=x", "--price: 'output' is a price per million tokens, a number of at least 0, not 'x'")]
    [InlineData("input=1,output=-2", "--price: 'output' is a price per million tokens, a number of at least 0, not '-2'")]
    [InlineData("input=1,outptu=2", "--price: unknown price 'outptu'; a price is one of input, cached, output, batchInput, batchOutput")]
    [InlineData("input=1,cached=0.1", "--price has no output price")]
    [InlineData("input=1,input=2,output=3", "--price: 'input' is given twice; keep one.")]
    public async Task A_malformed_price_is_a_usage_error_naming_the_key_or_value_before_any_model_call(string price, string message)
    {
        await using var model = await LoopbackOpenAIServer.StartAsync();
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", ["""{"trace_id": "t1", "inputs": "q", "outputs": "a"}"""]))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);

        var result = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--price", price);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Errors);
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task Malformed_prices_are_usage_errors_that_say_what_a_price_looks_like()
    {
        var cli = new CliRunner();
        cli.WriteFile("memalign.json", ["{", """  "prices": { "m": { "input": -1, "output": 2 } }""", "}"]);
        var negative = await cli.RunAsync("judges", "list");
        cli.WriteFile("memalign.json", ["{", """  "prices": { "m": { "input": 1 } }""", "}"]);
        var missing = await cli.RunAsync("judges", "list");
        cli.WriteFile("memalign.json", ["{", """  "prices": { "m": { "input": 1, "output": 2, "cache": 0.5 } }""", "}"]);
        var unknown = await cli.RunAsync("judges", "list");

        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("memalign.json:2:3: 'prices.m.input' is a price per million tokens, a number of at least 0, not -1.", negative.Errors);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("memalign.json:2:3: 'prices.m' has no output price", missing.Errors);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("memalign.json:2:3: 'prices.m' has an unknown price 'cache'; a model's prices are input, cached, output, batchInput, batchOutput (cachedInput is read as cached).", unknown.Errors);
    }

    [Fact]
    public async Task Help_works_beside_a_broken_file()
    {
        var cli = new CliRunner();
        cli.WriteFile("memalign.json", ["{ nope"]);

        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--config", result.Output);
    }
}
