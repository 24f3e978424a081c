using System.Security.Cryptography;
using System.Text;
using MemAlign.Rubrics;

namespace MemAlign.Alignment;

/// <summary>
/// Finds the expert feedback a judge learns from: human assessments whose name equals the judge's
/// (trimmed, case-insensitive). Several on one trace: if they agree each is an example; if not, the
/// largest group wins and a tie goes to the group with the most recent assessment. Traces missing a
/// field the rubric uses are skipped.
/// </summary>
internal static class FeedbackExtractor
{
    public static (List<FeedbackRecord> Records, List<SkippedTrace> Skipped, List<DiscardedAssessment> Discarded) Extract(
        JudgeDefinition definition, IReadOnlyList<Trace> traces)
    {
        var records = new List<FeedbackRecord>();
        var skipped = new List<SkippedTrace>();
        var discarded = new List<DiscardedAssessment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var embeddedField = EmbeddedField(definition);

        foreach (var trace in traces)
        {
            if (!seen.Add(trace.Id))
            {
                skipped.Add(new SkippedTrace(trace.Id, "the trace appears more than once; its first occurrence was used"));
                continue;
            }

            var readable = new List<(Assessment Assessment, FeedbackValue Value)>();
            foreach (var assessment in trace.Assessments)
            {
                if (assessment.Source.Type != AssessmentSourceType.Human || !assessment.IsNamed(definition.Name))
                {
                    continue;
                }

                if (assessment.RatedOtherContentThan(trace))
                {
                    discarded.Add(new DiscardedAssessment(assessment.Id, trace.Id,
                        "it rated content the trace no longer has (the trace's inputs, outputs or expectations were replaced since); label the trace again"));
                    continue;
                }

                if (!definition.ValueType.TryNormalize(assessment.Value, out var value, out var problem))
                {
                    discarded.Add(new DiscardedAssessment(assessment.Id, trace.Id,
                        $"its value {assessment.Value} is not {definition.ValueType.Describe()}{problem}"));
                    continue;
                }

                readable.Add((assessment, value));
            }

            if (readable.Count == 0)
            {
                var unusable = discarded.Count(d => d.TraceId == trace.Id);
                skipped.Add(new SkippedTrace(trace.Id, unusable == 0
                    ? $"no human feedback named '{definition.Name}'"
                    : $"none of its {unusable} human label(s) named '{definition.Name}' could be used (each is listed with its reason)"));
                continue;
            }

            var missing = definition.Rubric.MissingFields(trace);
            if (missing.Count > 0)
            {
                skipped.Add(new SkippedTrace(trace.Id, $"the rubric uses {string.Join(", ", missing)}, which the trace lacks"));
                continue;
            }

            var groups = readable
                .GroupBy(r => r.Value)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Max(r => r.Assessment.UpdatedAt))
                .ToList();
            var winner = groups[0];
            foreach (var loser in groups.Skip(1).SelectMany(g => g))
            {
                discarded.Add(new DiscardedAssessment(loser.Assessment.Id, trace.Id,
                    $"outvoted: experts disagree on this trace and {winner.Count()} of {readable.Count} said {winner.Key}"));
            }

            var fields = definition.Variables.ToDictionary(v => v, v => Rubrics.JsonData.ToPromptText(trace.GetField(v)!.Value), StringComparer.Ordinal);
            var assessments = winner.Select(r => r.Assessment).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
            records.Add(new FeedbackRecord(trace.Id, winner.Key, assessments, fields, embeddedField, Fingerprint(winner.Key, assessments, fields)));
        }

        return (records, skipped, discarded);
    }

    /// <summary>The field retrieval compares: the first of inputs, outputs, expectations, conversation, trace that the rubric uses.</summary>
    public static string EmbeddedField(JudgeDefinition definition) =>
        new[] { TraceField.Inputs, TraceField.Outputs, TraceField.Expectations, TraceField.Conversation, TraceField.Trace }
            .First(definition.Variables.Contains);

    private static string Fingerprint(FeedbackValue value, IReadOnlyList<Assessment> assessments, IReadOnlyDictionary<string, string> fields)
    {
        var text = new StringBuilder();
        text.Append(value.Kind).Append('|').Append(value).Append('\n');
        foreach (var assessment in assessments)
        {
            text.Append(assessment.Id).Append('|').Append(assessment.Rationale).Append('|').Append(assessment.UpdatedAt.UtcTicks).Append('\n');
        }

        foreach (var (name, content) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(content).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}
