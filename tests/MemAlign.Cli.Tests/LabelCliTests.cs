namespace MemAlign.Cli.Tests;

/// <summary>'label create', 'list', 'status' and 'simulate' (issue 16); 'serve' has its browser tests in MemAlign.Labeling.Tests.</summary>
public class LabelCliTests
{
    // Traces about orders; the first `labelled` carry labels from ann (and bob on every other one, disagreeing on every fourth).
    private static IEnumerable<string> Traces(int count, int labelled) => Enumerable.Range(0, count).Select(i =>
    {
        var helpful = i % 2 == 0;
        var labels = i >= labelled ? "" :
            $$$"""{"name": "helpfulness", "value": {{{(helpful ? "true" : "false")}}}, "source": {"type": "HUMAN", "id": "ann"}}"""
            + (i % 2 == 0 ? $$$""", {"name": "helpfulness", "value": {{{(i % 4 == 0 ? (helpful ? "true" : "false") : (helpful ? "false" : "true"))}}}, "source": {"type": "HUMAN", "id": "bob"}}""" : "");
        return $$$"""{"trace_id": "o{{{i:D3}}}", "inputs": "order question {{{i}}} {{{(helpful ? "where is my parcel" : "refund now or else")}}}", "outputs": "{{{(helpful ? "It ships tomorrow, here is the tracking link." : "Not my problem.")}}}", "tags": {"batch": "{{{(i < count / 2 ? "one" : "two")}}}"}, "assessments": [{{{labels}}}]}""";
    });

    [Fact]
    public async Task A_session_is_created_over_the_filtered_traces_listed_and_its_status_counts_each_reviewers_labels_and_their_agreement()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", Traces(12, 8)));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var created = await cli.RunAsync("label", "create", "--name", "batch-one", "--judge", "helpfulness", "--filter", "tag.batch=one",
            "--reviewers", "ann,bob", "--per-trace", "2", "--order", "random", "--json");
        var again = await cli.RunAsync("label", "create", "--name", "batch-one", "--judge", "helpfulness");
        var second = await cli.RunAsync("label", "create", "--name", "batch-two", "--judge", "helpfulness", "--filter", "tag.batch=two", "--order", "disagreement");
        var disputed = await cli.RunAsync("label", "create", "--name", "disputed", "--judge", "helpfulness", "--filter", "tag.batch=one", "--order", "disagreement", "--json");
        var listed = await cli.RunAsync("label", "list", "--json");
        var status = await cli.RunAsync("label", "status", "batch-one");
        var statusJson = await cli.RunAsync("label", "status", "batch-one", "--json");

        Assert.True(created.ExitCode == 0, created.Errors);
        Assert.Equal(6, (int)created.Json["traces"]!); // o000..o005: batch one
        Assert.Contains("Created labeling session 'batch-two' for judge 'helpfulness': 6 trace(s), 1 label(s) each, order disagreement, the judge shown after each reviewer's own label (blind labels). Serve it with: memalign label serve --session batch-two", second.Output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("batch-one", again.Errors);
        Assert.Equal("o002", (string)disputed.Json["first"]![0]!); // the one trace where ann and bob disagree
        Assert.Equal(["batch-one", "batch-two", "disputed"], listed.Json["sessions"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal(["ann", "bob"], listed.Json["sessions"]![0]!["reviewers"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("random", (string)listed.Json["sessions"]![0]!["order"]!);

        // ann labelled o000..o005, bob the even ones (o000, o002, o004) and disagreed on o002.
        Assert.True(statusJson.ExitCode == 0, statusJson.Errors);
        Assert.Equal((6, 3, 9), ((int)statusJson.Json["traces"]!, (int)statusJson.Json["complete"]!, (int)statusJson.Json["labels"]!));
        var reviewers = statusJson.Json["reviewers"]!.AsArray().ToDictionary(r => (string)r!["reviewer"]!, r => ((int)r!["labelled"]!, (int)r["waiting"]!));
        Assert.Equal((6, 0), reviewers["ann"]);
        Assert.Equal((3, 3), reviewers["bob"]);
        Assert.Equal(3, (int)statusJson.Json["agreement"]!["traces"]!);
        Assert.Contains("ann: 6 labelled, 0 waiting", status.Output);
        Assert.Contains("bob: 3 labelled, 3 waiting", status.Output);
        Assert.Contains("Krippendorff's alpha (nominal)", status.Output);
        // Without memory the offline judge has nothing to vote with, and the status says so rather than inventing a number.
        Assert.Contains("judge: no verdicts on the labelled traces yet", status.Output);
    }

    [Fact]
    public async Task Labels_given_after_seeing_the_judge_are_left_out_of_the_status_agreement_unless_asked_and_each_session_says_when_it_shows_the_judge()
    {
        var cli = new CliRunner();
        // o000..o003 labelled by ann and bob, who disagree on o001; bob saw the judge before labelling o000 and o001.
        var lines = Enumerable.Range(0, 4).Select(i =>
            $$$"""{"trace_id": "o{{{i:D3}}}", "inputs": "order question {{{i}}}", "outputs": "answer {{{i}}}", "assessments": [{"name": "helpfulness", "value": true, "source": {"type": "HUMAN", "id": "ann"}}, {"name": "helpfulness", "value": {{{(i == 1 ? "false" : "true")}}}, "source": {"type": "HUMAN", "id": "bob"}, "judge_shown": {{{(i < 2 ? "true" : "false")}}}}]}""");
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", lines));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var created = await cli.RunAsync("label", "create", "--name", "quiet", "--judge", "helpfulness", "--show-judge", "never", "--json");
        var defaulted = await cli.RunAsync("label", "create", "--name", "usual", "--judge", "helpfulness", "--json");
        var wrong = await cli.RunAsync("label", "create", "--name", "odd", "--judge", "helpfulness", "--show-judge", "sometimes");
        var listed = await cli.RunAsync("label", "list", "--json");
        var blind = await cli.RunAsync("label", "status", "usual", "--json");
        var blindText = await cli.RunAsync("label", "status", "usual");
        var all = await cli.RunAsync("label", "status", "usual", "--include-non-blind", "--json");

        Assert.True(created.ExitCode == 0, created.Errors);
        Assert.Equal(("never", "after"), ((string)created.Json["show_judge"]!, (string)defaulted.Json["show_judge"]!));
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("after", wrong.Errors, StringComparison.Ordinal);
        Assert.Equal(["never", "after"], listed.Json["sessions"]!.AsArray().Select(s => (string)s!["show_judge"]!));
        Assert.Equal((2, false, 2), ((int)blind.Json["agreement"]!["non_blind_labels"]!, (bool)blind.Json["agreement"]!["includes_non_blind_labels"]!, (int)blind.Json["agreement"]!["traces"]!));
        Assert.Contains("2 label(s) given after seeing the judge's verdict left out (blind labels only)", blindText.Output, StringComparison.Ordinal);
        Assert.Equal((2, true, 4), ((int)all.Json["agreement"]!["non_blind_labels"]!, (bool)all.Json["agreement"]!["includes_non_blind_labels"]!, (int)all.Json["agreement"]!["traces"]!));
    }

    [Fact]
    public async Task Control_characters_in_reviewer_ids_and_trace_ids_never_reach_the_terminal()
    {
        var cli = new CliRunner();
        // A reviewer id that would retitle the terminal and clear the screen; a trace id with a bell and a right-to-left override.
        var hostile = """{"trace_id": "o\u0007\u202e001", "inputs": "where is my parcel", "outputs": "It ships tomorrow.", "assessments": [{"name": "helpfulness", "value": true, "source": {"type": "HUMAN", "id": "ann\u001b]0;owned\u0007\u001b[2J"}}, {"name": "helpfulness", "value": false, "source": {"type": "HUMAN", "id": "bob\u009b31m"}}]}""";
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", [hostile, .. Traces(6, 6)]));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);
        await cli.RunAsync("label", "create", "--name", "all", "--judge", "helpfulness");

        var status = await cli.RunAsync("label", "status", "all");
        var align = await cli.RunAsync("align", "--judge", "helpfulness", "--label-rule", "adjudicator", "--adjudicator", "ann");

        Assert.True(status.ExitCode == 0, status.Errors);
        Assert.Contains("ann]0;owned[2J: 1 labelled", status.Output);
        Assert.Contains("bob31m", status.Output);
        foreach (var printed in new[] { status.Output, status.Errors, align.Output, align.Errors })
        {
            Assert.DoesNotContain(printed, c => c is '\u001b' or '\u0007' or '\u009b' or '\u202e');
        }
    }

    [Fact]
    public async Task After_alignment_the_status_adds_the_judges_agreement_with_each_reviewer()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", Traces(12, 12)));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);
        await cli.RunAsync("align", "--judge", "helpfulness", "--label-rule", "adjudicator", "--adjudicator", "ann");
        await cli.RunAsync("label", "create", "--name", "all", "--judge", "helpfulness", "--reviewers", "ann,bob", "--order", "uncertain");

        var status = await cli.RunAsync("label", "status", "all", "--json");
        var text = await cli.RunAsync("label", "status", "all");

        Assert.True(status.ExitCode == 0, status.Errors);
        var judge = status.Json["judge_agreement"]!.AsArray().ToDictionary(p => (string)p!["reviewer"]!, p => ((double)p!["kappa"]!, (int)p["traces"]!));
        Assert.Equal(12, judge["ann"].Item2);
        Assert.Equal(6, judge["bob"].Item2);
        Assert.True(judge["ann"].Item1 > judge["bob"].Item1, $"the judge learned ann's labels, so it should agree with her more than with bob: {judge["ann"]} vs {judge["bob"]}");
        var ann = status.Json["judge_agreement"]!.AsArray().Single(p => (string)p!["reviewer"]! == "ann")!;
        Assert.InRange((double)ann["kappa"]!, (double)ann["lower"]!, (double)ann["upper"]!);
        Assert.Matches(@"judge vs ann: Cohen's kappa -?\d\.\d{3} \(95% CI -?\d\.\d{3} to -?\d\.\d{3}\) on 12 trace\(s\)", text.Output);
        Assert.Contains("always answering the most common label has kappa 0", text.Output);
    }

    [Fact]
    public async Task An_uncertain_session_for_a_judge_without_memory_says_it_falls_back_to_random_order()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", Traces(10, 0)));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var created = await cli.RunAsync("label", "create", "--name", "first", "--judge", "helpfulness", "--json");
        var noTraces = await cli.RunAsync("label", "create", "--name", "none", "--judge", "helpfulness", "--filter", "tag.batch=three");
        var badOrder = await cli.RunAsync("label", "create", "--name", "x", "--judge", "helpfulness", "--order", "alphabetical");
        var tooMany = await cli.RunAsync("label", "create", "--name", "y", "--judge", "helpfulness", "--reviewers", "ann", "--per-trace", "2");
        var missing = await cli.RunAsync("label", "status", "nope");

        Assert.True(created.ExitCode == 0, created.Errors);
        Assert.Equal(10, (int)created.Json["traces"]!);
        Assert.Contains("has no memory yet", created.Errors);
        Assert.Equal((2, 2, 2, 2), (noTraces.ExitCode, badOrder.ExitCode, tooMany.ExitCode, missing.ExitCode));
        Assert.Contains("No stored trace matches 'tag.batch=three'", noTraces.Errors);
        Assert.Contains("'alphabetical' is not uncertain, random or disagreement", badOrder.Errors);
        Assert.Contains("name at least 2", tooMany.Errors);
        Assert.Contains("There is no labeling session 'nope'", missing.Errors);
    }

    [Fact]
    public async Task Simulate_replays_the_labels_in_both_orders_and_plots_agreement_against_labels_used()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", Traces(40, 40)));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);
        var page = Path.Combine(cli.Folder, "simulation.html");

        var result = await cli.RunAsync("label", "simulate", "--judge", "helpfulness", "--step", "7", "--repeats", "2", "--html", page, "--svg", Path.Combine(cli.Folder, "chart.svg"), "--json");
        var tooFew = await cli.RunAsync("label", "simulate", "--judge", "helpfulness", "--traces", "limit=5");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal((28, 12, 2, true), ((int)result.Json["pool"]!, (int)result.Json["test"]!, (int)result.Json["repeats"]!, (bool)result.Json["offline"]!));
        var curves = result.Json["curves"]!.AsArray();
        Assert.Equal(["uncertain", "random"], curves.Select(c => (string)c!["order"]!));
        foreach (var curve in curves)
        {
            var points = curve!["points"]!.AsArray();
            Assert.Equal([7, 14, 21, 28], points.Select(p => (int)p!["labels"]!));
            Assert.All(points, p => Assert.InRange((double)p!["value"]!, (double)p["lowest"]!, (double)p["highest"]!));
        }

        // The first step is the same random batch for both orders; the last aligns on the whole pool, whatever the order.
        Assert.Equal((double)curves[0]!["points"]![0]!["value"]!, (double)curves[1]!["points"]![0]!["value"]!, 12);
        Assert.Equal((double)curves[0]!["points"]![3]!["value"]!, (double)curves[1]!["points"]![3]!["value"]!, 12);
        Assert.NotNull(result.Json["majority"]);
        var html = await File.ReadAllTextAsync(page);
        Assert.Contains("class=\"curve uncertain\"", html);
        Assert.Contains("class=\"curve random\"", html);
        Assert.Contains("class=\"band random\"", html);
        Assert.Contains("class=\"majority\"", html);
        Assert.Contains("offline: the local judge, no LLM", html);
        var chart = System.Xml.Linq.XDocument.Load(Path.Combine(cli.Folder, "chart.svg")); // a well-formed image on its own
        Assert.Equal(2, chart.Root!.Descendants("{http://www.w3.org/2000/svg}polyline").Count());
        Assert.Equal(2, tooFew.ExitCode);
        Assert.Contains("has 5 labelled trace(s); a simulation needs at least 10", tooFew.Errors);
    }

    [Fact]
    public async Task With_a_model_status_spends_no_tokens_and_takes_the_judges_agreement_from_its_last_evaluation()
    {
        await using var model = await MemAlign.Testing.LoopbackOpenAIServer.StartAsync();
        model.Otherwise(_ => MemAlign.Testing.ServerReply.Completion("""{"rationale": "polite and on topic", "result": true}"""));
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        await cli.RunAsync("import", cli.WriteFile("traces.jsonl", Traces(8, 8)));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);
        Assert.Equal(0, (await cli.RunAsync("label", "create", "--name", "s", "--judge", "helpfulness", "--reviewers", "ann,bob")).ExitCode);

        var before = await cli.RunAsync("label", "status", "s", "--json");
        var requestsBefore = model.Requests.Count;
        var evaluated = await cli.RunAsync("evaluate", "--judge", "helpfulness");
        var requestsForEvaluation = model.Requests.Count - requestsBefore;
        var after = await cli.RunAsync("label", "status", "s", "--json");

        Assert.Equal(0, requestsBefore); // status and create called no model
        Assert.Contains("run memalign evaluate --judge helpfulness (status calls no model)", before.Errors);
        Assert.Empty(before.Json["judge_agreement"]!.AsArray());
        Assert.True(evaluated.ExitCode == 0, evaluated.Errors);
        Assert.Equal(8, requestsForEvaluation);
        Assert.Equal(8, model.Requests.Count); // the second status called none either
        Assert.Contains("from its last evaluation run", after.Errors);
        var judge = after.Json["judge_agreement"]!.AsArray().ToDictionary(p => (string)p!["reviewer"]!, p => (int)p!["traces"]!);
        Assert.Equal((8, 4), (judge["ann"], judge["bob"]));
    }
}
