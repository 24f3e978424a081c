using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace MemAlign.Labeling.Tests;

public sealed partial class LabelServeCommandTests
{
    // bin/<Configuration>/net10.0/ here and for the tool, which this project builds first.
    private static readonly string Cli = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "MemAlign.Cli", "bin",
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!)!, "net10.0", "MemAlign.Cli.dll"));

    [Fact]
    public async Task Label_serve_prints_one_link_per_reviewer_serves_them_and_stops_cleanly_on_ctrl_c()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), reviewers: ["ana", "ben"], labelsPerTrace: 2);
        using var serve = Start(scenario.StoreSetting, "label", "serve", "--port", "0");
        var links = new Dictionary<string, Uri>();
        var lines = new List<string>();
        while (links.Count < 2 && await serve.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (ReviewerLinkLine().Match(line) is { Success: true } match)
            {
                links[match.Groups[1].Value] = new Uri(match.Groups[2].Value);
            }
        }

        if (links.Count < 2)
        {
            Assert.Fail($"memalign label serve printed: {string.Join('\n', lines)}\n{await ReadErrorsAsync(serve)}");
        }

        Assert.Contains("Labeling session 'review'", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^operator \(.*\): http://\S+/status\?token=\S+$", await serve.StandardOutput.ReadLineAsync());
        Assert.NotEqual(links["ana"].Query, links["ben"].Query);
        using (var ana = await ReviewerClient.OpenAsync(new ReviewerLink("ana", links["ana"])))
        {
            Assert.Contains("\"reviewer\":\"ana\"", await ana.Http.GetStringAsync("/api/session"), StringComparison.Ordinal);
            var labelled = await ana.LabelAsync("t1", true);
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
            // The verdict comes from the registered judge, offline.
            Assert.Contains("\"verdict\":{\"value\":", await ana.Http.GetStringAsync("/api/item?traceId=t1"), StringComparison.Ordinal);
        }

        using (var ben = await ReviewerClient.OpenAsync(new ReviewerLink("ben", links["ben"])))
        {
            Assert.Equal(HttpStatusCode.OK, (await ben.LabelAsync("t2", false, "Too vague to act on.")).StatusCode);
        }

        Assert.Equal(2, (await scenario.LabelsAsync()).Count);
        Interrupt(serve);
        Assert.True(serve.WaitForExit(15_000), "memalign label serve did not stop on SIGINT");
        Assert.Contains(serve.ExitCode, StoppedByCtrlC);

        // The labels are feedback already: the tool aligns on them with no export step.
        using var align = Start(scenario.StoreSetting, "align", "--judge", LabelingScenario.JudgeName, "--json");
        var aligned = await align.StandardOutput.ReadToEndAsync();
        await align.WaitForExitAsync();
        Assert.True(align.ExitCode == 0, aligned + await align.StandardError.ReadToEndAsync());
        var report = System.Text.Json.Nodes.JsonNode.Parse(aligned)!;
        Assert.Equal((2, 2), ((int)report["examples_added"]!, (int)report["examples"]!));
    }

    [Fact]
    public async Task Label_serve_takes_the_token_of_a_single_reviewer_session_and_finds_the_only_session()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        const string Token = "scripted-token-0123456789";
        using var serve = Start(scenario.StoreSetting, "label", "serve", "--token", Token, "--reviewer", "carla");
        var line = await serve.StandardOutput.ReadLineAsync();
        var link = await serve.StandardOutput.ReadLineAsync();
        if (link is null || !link.EndsWith("/?token=" + Token, StringComparison.Ordinal))
        {
            Assert.Fail($"{line}\n{link}\n{await ReadErrorsAsync(serve)}");
        }

        using (var carla = await ReviewerClient.OpenAsync(new ReviewerLink("carla", new Uri(link))))
        {
            Assert.Contains("\"reviewer\":\"carla\"", await carla.Http.GetStringAsync("/api/session"), StringComparison.Ordinal);
        }

        Interrupt(serve);
        Assert.True(serve.WaitForExit(15_000));
        Assert.Contains(serve.ExitCode, StoppedByCtrlC);
    }

    [Fact]
    public async Task Label_serve_on_every_address_warns_and_prints_links_with_the_public_url()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        using var serve = Start(scenario.StoreSetting, "label", "serve", "--host", "0.0.0.0", "--public-url", "https://labels.example.test/", "--reviewer", "carla");
        var first = await serve.StandardOutput.ReadLineAsync();
        var link = await serve.StandardOutput.ReadLineAsync();
        Interrupt(serve);
        Assert.True(serve.WaitForExit(15_000));
        var errors = await serve.StandardError.ReadToEndAsync();

        Assert.True(link is not null && link.StartsWith("https://labels.example.test/?token=", StringComparison.Ordinal), $"{first}\n{link}\n{errors}");
        Assert.EndsWith("at https://labels.example.test/", first, StringComparison.Ordinal);
        Assert.Contains("Warning: The labeling app listens on every address of this machine", errors, StringComparison.Ordinal);
        Assert.Contains("over plain HTTP", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0:", first + link, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("stdin")]
    public async Task Label_serve_reads_the_token_from_a_file_or_standard_input_so_it_stays_out_of_the_process_list(string from)
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        const string Token = "token-from-a-file-0123456789";
        var file = Path.Combine(Path.GetDirectoryName(scenario.StoreSetting)!, "token.txt");
        await File.WriteAllTextAsync(file, Token + "\n");
        using var serve = Start(scenario.StoreSetting, "label", "serve", "--token-file", from == "file" ? file : "-", "--reviewer", "carla", "--json");
        if (from == "stdin")
        {
            await serve.StandardInput.WriteLineAsync(Token);
        }

        serve.StandardInput.Close();
        var document = await serve.StandardOutput.ReadLineAsync();
        var json = new System.Text.StringBuilder(document);
        while (document is not null && document != "}" && await serve.StandardOutput.ReadLineAsync() is { } more)
        {
            json.Append(more);
            document = more;
        }

        var result = System.Text.Json.Nodes.JsonNode.Parse(json.ToString());
        if (result is null || !((string)result["links"]![0]!["url"]!).EndsWith("/?token=" + Token, StringComparison.Ordinal))
        {
            Assert.Fail($"{json}\n{await ReadErrorsAsync(serve)}");
        }

        // The operator's link is a field of its own, with a token of its own; the process list never shows the token.
        var operatorUrl = (string)result["operator_url"]!;
        Assert.DoesNotContain(Token, operatorUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, await File.ReadAllTextAsync($"/proc/{serve.Id}/cmdline"), StringComparison.Ordinal);
        using (var @operator = await ReviewerClient.OpenAsync(new ReviewerLink("operator", new Uri(operatorUrl))))
        {
            Assert.Contains("\"agreement\":{", await @operator.Http.GetStringAsync("/api/status"), StringComparison.Ordinal); // what only the operator sees
        }

        Interrupt(serve);
        Assert.True(serve.WaitForExit(15_000));
        Assert.Contains(serve.ExitCode, StoppedByCtrlC);
    }

    // The action returns 0 once the server stopped; System.CommandLine may report the interrupt itself (128 + SIGINT).
    private static readonly int[] StoppedByCtrlC = [0, 130];

    private static Process Start(string store, params string[] arguments)
    {
        Assert.True(File.Exists(Cli), $"The memalign tool is not built at {Cli}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MEMALIGN_STORE"] = store;
        start.Environment.Remove("OPENAI_API_KEY");
        start.Environment.Remove("OPENAI_BASE_URL");
        return Process.Start(start)!;
    }

    // Ctrl+C, as a terminal sends it.
    private static void Interrupt(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // Only when failing: it stops the tool to read everything it said.
    private static async Task<string> ReadErrorsAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        return await process.StandardError.ReadToEndAsync();
    }

    [GeneratedRegex(@"^(\w+): (http://\S+\?token=\S+)$")]
    private static partial Regex ReviewerLinkLine();
}
