using System.Text.Json.Nodes;

namespace MemAlign.Cli.Tests;

/// <summary>
/// Aligned judges as code through the tool: <c>judges export</c> and <c>align --out</c> write a version's
/// *.memalign.json, <c>judges register --memory</c> brings one back into the store, and <c>forget
/// --memory-files</c> takes forgotten traces out of the files too.
/// </summary>
public sealed class MemoryFileCliTests(PreparedStore prepared) : IClassFixture<PreparedStore>
{
    [Fact]
    public async Task A_version_goes_to_a_file_and_back_into_the_store_with_the_same_memory()
    {
        var cli = prepared.Copy();

        var exported = await cli.RunAsync("judges", "export", "helpfulness", "--out", "judges/helpfulness.memalign.json", "--json");
        var again = await cli.RunAsync("judges", "export", "helpfulness", "--version", "2", "--out", "judges/again.memalign.json");
        var path = Path.Combine(cli.Folder, "judges", "helpfulness.memalign.json");
        var text = await File.ReadAllTextAsync(path);
        var trace = (string)JsonNode.Parse(text)!["examples"]![0]!["trace_id"]!;
        var unchanged = await cli.RunAsync("judges", "register", "--memory", "judges/helpfulness.memalign.json", "--json");
        var unaligned = await cli.RunAsync("unalign", "--judge", "helpfulness", "--trace", trace, "--json");
        var registered = await cli.RunAsync("judges", "register", "--memory", "judges/helpfulness.memalign.json", "--json");
        var back = await cli.RunAsync("judges", "export", "helpfulness", "--out", "judges/back.memalign.json");

        Assert.True(exported.ExitCode == 0, exported.Errors);
        Assert.Equal(("judges export", 1), ((string)exported.Json["command"]!, (int)exported.Json["schema_version"]!));
        Assert.Equal(("judges/helpfulness.memalign.json", 2, 5), ((string)exported.Json["file"]!["path"]!, (int)exported.Json["file"]!["version"]!, (int)exported.Json["file"]!["examples"]!));
        Assert.Equal(new FileInfo(path).Length, (long)exported.Json["file"]!["bytes"]!);
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Contains("Wrote judges/again.memalign.json: helpfulness version 2", again.Output);
        Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(Path.Combine(cli.Folder, "judges", "again.memalign.json")));
        Assert.Contains("\"reviewer\": ", text); // the sample's labels name their reviewers

        // The file holds version 2's memory: registering it while version 2 is the latest changes nothing.
        Assert.True(unchanged.ExitCode == 0, unchanged.Errors);
        Assert.Equal(("unchanged", 2), ((string)unchanged.Json["judges"]![0]!["state"]!, (int)unchanged.Json["judges"]![0]!["version"]!));

        // After an unalign (version 3, one example fewer), the file brings version 2's memory back as version 4.
        Assert.Equal((3, 4), ((int)unaligned.Json["version"]!, (int)unaligned.Json["examples"]!));
        Assert.True(registered.ExitCode == 0, registered.Errors);
        var judge = registered.Json["judges"]![0]!;
        Assert.Equal(("memory file", 4, 5, 3), ((string)judge["state"]!, (int)judge["version"]!, (int)judge["examples"]!, (int)judge["base_version"]!));
        Assert.Equal(text.Replace("\"version\": 2,", "\"version\": 4,"), await File.ReadAllTextAsync(Path.Combine(cli.Folder, "judges", "back.memalign.json")));
        Assert.True(back.ExitCode == 0, back.Errors);
    }

    [Fact]
    public async Task Register_refuses_a_stale_file_unless_told_and_names_an_invalid_file_with_its_line_and_column()
    {
        var cli = prepared.Copy();
        Assert.Equal(0, (await cli.RunAsync("judges", "export", "helpfulness", "--out", "stale.memalign.json")).ExitCode);
        var path = Path.Combine(cli.Folder, "stale.memalign.json");
        var text = await File.ReadAllTextAsync(path);
        var hash = (string)JsonNode.Parse(text)!["aligned_for"]!["rubric_sha256"]!;
        await File.WriteAllTextAsync(path, text.Replace(hash, new string('0', 64)));
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "bad.memalign.json"), text.Replace("\"value\": true", "\"value\": \"maybe\""));
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "other.memalign.json"), text.Replace("\"judge\": \"helpfulness\"", "\"judge\": \"politeness\""));

        // Version 3 forgets one example, so the file's memory (version 2's) is news to the store.
        Assert.Equal(0, (await cli.RunAsync("unalign", "--judge", "helpfulness", "--trace", (string)JsonNode.Parse(text)!["examples"]![0]!["trace_id"]!)).ExitCode);
        var refused = await cli.RunAsync("judges", "register", "--memory", "stale.memalign.json");
        var accepted = await cli.RunAsync("judges", "register", "--memory", "stale.memalign.json", "--accept-stale", "--json");
        var invalid = await cli.RunAsync("judges", "register", "--memory", "bad.memalign.json");
        var unknown = await cli.RunAsync("judges", "register", "--memory", "other.memalign.json");
        var neither = await cli.RunAsync("judges", "register");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the rubric changed", refused.Errors);
        Assert.Contains("--accept-stale", refused.Errors);
        Assert.True(accepted.ExitCode == 0, accepted.Errors);
        Assert.Equal(("memory file, stale", 4), ((string)accepted.Json["judges"]![0]!["state"]!, (int)accepted.Json["judges"]![0]!["version"]!));
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"value\": true", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("true", StringComparison.Ordinal) + 1;
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains($"bad.memalign.json({line},{column}): ", invalid.Errors);
        Assert.Contains("does not allow", invalid.Errors);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Judge 'politeness' is not registered", unknown.Errors);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--memory FILE", neither.Errors);
    }

    [Fact]
    public async Task Align_with_out_writes_the_registered_version_as_export_would()
    {
        var cli = prepared.Copy();

        var aligned = await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=test", "--out", "judges/helpfulness.memalign.json", "--json");
        var exported = await cli.RunAsync("judges", "export", "helpfulness", "--out", "exported.memalign.json");

        Assert.True(aligned.ExitCode is 0 or 1, aligned.Errors);
        var version = (int)aligned.Json["version"]!;
        Assert.Equal(("judges/helpfulness.memalign.json", version), ((string)aligned.Json["memory_file"]!["path"]!, (int)aligned.Json["memory_file"]!["version"]!));
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(cli.Folder, "exported.memalign.json")), await File.ReadAllBytesAsync(Path.Combine(cli.Folder, "judges", "helpfulness.memalign.json")));
    }

    [Fact]
    public async Task Forget_takes_the_trace_out_of_every_memory_file_under_the_folder_and_says_history_is_out_of_reach()
    {
        var cli = prepared.Copy();
        Assert.Equal(0, (await cli.RunAsync("judges", "export", "helpfulness", "--out", "judges/helpfulness.memalign.json")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "export", "helpfulness", "--out", "judges/nested/copy.memalign.json")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "export", "helpfulness", "--version", "1", "--out", "judges/empty.memalign.json")).ExitCode);
        var path = Path.Combine(cli.Folder, "judges", "helpfulness.memalign.json");
        var before = await File.ReadAllTextAsync(path);
        var trace = (string)JsonNode.Parse(before)!["examples"]![0]!["trace_id"]!;
        var empty = await File.ReadAllBytesAsync(Path.Combine(cli.Folder, "judges", "empty.memalign.json"));

        var forgot = await cli.RunAsync("forget", "--trace", trace, "--memory-files", "judges", "--json");

        Assert.True(forgot.ExitCode == 0, forgot.Errors);
        var files = forgot.Json["memory_files"]!.AsArray();
        Assert.Equal([Path.Combine("judges", "helpfulness.memalign.json"), Path.Combine("judges", "nested", "copy.memalign.json")], files.Select(f => (string)f!["path"]!).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(1, (int)f!["examples"]!));
        Assert.Contains("version-control history", (string)forgot.Json["memory_files_note"]!);
        var after = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain($"\"{trace}\"", after);
        Assert.Equal(4, JsonNode.Parse(after)!["examples"]!.AsArray().Count);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(cli.Folder, "judges", "nested", "copy.memalign.json")), after);
        Assert.Equal(empty, await File.ReadAllBytesAsync(Path.Combine(cli.Folder, "judges", "empty.memalign.json")));

        // The file forgot as the store did: it holds the latest version's memory now, so registering it changes nothing.
        var registered = await cli.RunAsync("judges", "register", "--memory", "judges/helpfulness.memalign.json", "--json");
        Assert.True(registered.ExitCode == 0, registered.Errors);
        Assert.Equal("unchanged", (string)registered.Json["judges"]![0]!["state"]!);
    }

    [Fact]
    public async Task Forget_reads_every_memory_file_first_and_an_invalid_one_stops_it_with_nothing_forgotten()
    {
        var cli = prepared.Copy();
        Assert.Equal(0, (await cli.RunAsync("judges", "export", "helpfulness", "--out", "judges/helpfulness.memalign.json")).ExitCode);
        var trace = (string)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Folder, "judges", "helpfulness.memalign.json")))!["examples"]![0]!["trace_id"]!;
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "judges", "broken.memalign.json"), "{ \"format\": \"memalign-judge-memory/2\",\n  \"judge\": }\n");

        var refused = await cli.RunAsync("forget", "--trace", trace, "--memory-files", "judges");
        var shown = await cli.RunAsync("judges", "show", "helpfulness", "--json");
        var text = await cli.RunAsync("forget", "--trace", trace, "--memory-files", "judges/helpfulness.memalign.json");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("broken.memalign.json(2,", refused.Errors);
        Assert.Contains("Nothing was forgotten", refused.Errors);
        Assert.Equal(5, (int)shown.Json["examples"]!);
        Assert.Equal(2, text.ExitCode); // a file, not a folder
    }
}
