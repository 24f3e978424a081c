using System.Text.Json;
using MemAlign.Import;

namespace MemAlign.Tests;

/// <summary>TraceFile.WriteAsync writes what TraceFile.Read reads back.</summary>
public class TraceFileWriteTests
{
    [Fact]
    public async Task Written_traces_read_back_with_their_content_tags_and_every_assessment()
    {
        var at = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.FromHours(2));
        var traces = new[]
        {
            new Trace("t1")
            {
                Inputs = JsonSerializer.SerializeToElement(new { question = "Where is \"my\" order?\n", lines = new[] { 1, 2 } }),
                Outputs = JsonSerializer.SerializeToElement("<script>alert(1)</script> ünïcode"),
                Expectations = JsonSerializer.SerializeToElement(new[] { "ships" }),
                Tags = new Dictionary<string, string> { ["split"] = "test", ["batch"] = "2" },
                Assessments =
                [
                    new Assessment("helpfulness", true, AssessmentSource.Human("ann"), "Direct.", at),
                    new Assessment("sentiment", 3, AssessmentSource.LlmJudge("gpt"), null, at),
                    new Assessment("section", "METHODS", AssessmentSource.Code("rules"), "by rule", at),
                ],
            },
            Trace.Create("t2", "plain", "text"),
        };
        var path = Path.Combine(Path.GetTempPath(), $"memalign-write-{Guid.NewGuid():N}.jsonl");

        var written = await TraceFile.WriteAsync(path, traces);
        var read = TraceFile.Read(path).ToList();

        Assert.Equal(2, written);
        Assert.Equal(2, File.ReadAllLines(path).Length); // one line per trace
        Assert.All(read, line => Assert.Null(line.Error));
        var first = read[0].Trace!;
        Assert.Equal(traces[0].Inputs!.Value.GetRawText(), first.Inputs!.Value.GetRawText());
        Assert.Equal(traces[0].Outputs!.Value.GetString(), first.Outputs!.Value.GetString());
        Assert.Equal(traces[0].Expectations!.Value.GetRawText(), first.Expectations!.Value.GetRawText());
        Assert.Equal(traces[0].Tags, first.Tags);
        Assert.Equal(traces[0].Assessments.Select(a => (a.Name, a.Value, a.Source, a.Rationale, a.CreatedAt)),
            first.Assessments.Select(a => (a.Name, a.Value, a.Source, a.Rationale, a.CreatedAt)));
        Assert.Equal(traces[0].ContentFingerprint, first.ContentFingerprint);
        Assert.Equal(first.Assessments.Select(a => a.Id), TraceFile.Read(path).First().Trace!.Assessments.Select(a => a.Id)); // ids derive from content, not positions
        Assert.Equal(("t2", "text"), (read[1].Trace!.Id, read[1].Trace!.Outputs!.Value.GetString()));
        Assert.Empty(read[1].Trace!.Assessments);
    }

    [Fact]
    public async Task Whether_a_label_was_given_after_seeing_the_judge_round_trips_and_a_wrong_value_names_its_line()
    {
        var traces = new[]
        {
            Trace.Create("t1", "q", "a")
                .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("ann")) { JudgeShown = true })
                .WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("bob")) { JudgeShown = false })
                .WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("cy"))),
        };
        var path = Path.Combine(Path.GetTempPath(), $"memalign-write-{Guid.NewGuid():N}.jsonl");

        await TraceFile.WriteAsync(path, traces);
        var read = TraceFile.Read(path).Single().Trace!;

        Assert.Equal([("ann", (bool?)true), ("bob", false), ("cy", null)], read.Assessments.Select(a => (a.Source.Id, a.JudgeShown)).OrderBy(a => a.Id, StringComparer.Ordinal));
        Assert.DoesNotContain("cy\",\"judge_shown", File.ReadAllText(path), StringComparison.Ordinal); // not recorded: not written

        File.WriteAllText(path, "{\"trace_id\": \"ok\"}\n{\"trace_id\": \"t9\", \"assessments\": [{\"name\": \"helpfulness\", \"value\": true, \"source\": {\"type\": \"HUMAN\", \"id\": \"ann\"}, \"judge_shown\": \"yes\"}]}\n");
        var lines = TraceFile.Read(path).ToList();
        Assert.Null(lines[0].Error);
        Assert.Contains("judge_shown", lines[1].Error, StringComparison.Ordinal);
        Assert.Contains("true, false or null", lines[1].Error, StringComparison.Ordinal);
    }
}
