using System.Security.Cryptography;
using System.Text;
using MemAlign.Rubrics;

namespace MemAlign.Alignment;

/// <summary>What <see cref="FeedbackExtractor.Extract"/> found: usable feedback, and what it could not use and why.</summary>
internal sealed record FeedbackExtraction(List<FeedbackRecord> Records, List<SkippedTrace> Skipped, List<DiscardedAssessment> Discarded, LabelResolutionCounts Resolution)
{
    public void Deconstruct(out List<FeedbackRecord> records, out List<SkippedTrace> skipped, out List<DiscardedAssessment> discarded)
    {
        records = Records;
        skipped = Skipped;
        discarded = Discarded;
    }
}

/// <summary>
/// Finds the expert feedback a judge learns from: human assessments whose name equals the judge's
/// (trimmed, case-insensitive). Several on one trace become one label by the <see cref="LabelResolution"/>
/// (by default the largest group wins and a tie goes to the group with the most recent assessment); the
/// winning assessments together are the trace's one example, weighted by how many they are. Traces missing a field the rubric uses are skipped.
/// </summary>
internal static class FeedbackExtractor
{
    /// <param name="definition">The judge.</param>
    /// <param name="traces">The traces.</param>
    /// <param name="resolution">How several labels on one trace become one.</param>
    /// <param name="limit">The embedder's budget a conversation is shortened to (<see cref="ConversationText"/>); by default <see cref="EmbeddingTokenLimit.Default"/>.</param>
    public static FeedbackExtraction Extract(JudgeDefinition definition, IReadOnlyList<Trace> traces, LabelResolution? resolution = null, EmbeddingTokenLimit? limit = null)
    {
        limit ??= EmbeddingTokenLimit.Default;
        resolution ??= LabelResolution.Default;
        resolution.Validate();
        int single = 0, unanimous = 0, majority = 0, recent = 0, adjudicated = 0, droppedTies = 0, droppedDisagreements = 0;
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
            var decided = Resolve(groups, readable.Count, resolution, out var how);
            switch (how)
            {
                case Decision.Single: single++; break;
                case Decision.Unanimous: unanimous++; break;
                case Decision.Majority: majority++; break;
                case Decision.MostRecent: recent++; break;
                case Decision.Adjudicated: adjudicated++; break;
                case Decision.DroppedTie: droppedTies++; break;
                default: droppedDisagreements++; break;
            }

            if (decided is null)
            {
                var reason = how == Decision.DroppedTie
                    ? $"experts are split evenly ({Tally(groups)}) and the label rule drops ties"
                    : $"experts disagree ({Tally(groups)}) and the label rule uses unanimous traces only";
                discarded.AddRange(readable.Select(r => new DiscardedAssessment(r.Assessment.Id, trace.Id, reason)));
                skipped.Add(new SkippedTrace(trace.Id, reason));
                continue;
            }

            var winner = decided;
            foreach (var loser in groups.Where(g => !ReferenceEquals(g, winner)).SelectMany(g => g))
            {
                discarded.Add(new DiscardedAssessment(loser.Assessment.Id, trace.Id, how == Decision.Adjudicated
                    ? $"overruled: the adjudicator '{resolution.Adjudicator}' said {winner.Key}"
                    : $"outvoted: experts disagree on this trace and {winner.Count()} of {readable.Count} said {winner.Key}"
                      + (how == Decision.MostRecent ? " (a tie, settled by the most recent label)" : "")));
            }

            var fields = definition.Variables.ToDictionary(v => v, v => FieldText(trace, v, limit), StringComparer.Ordinal);
            var assessments = winner.Select(r => r.Assessment).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
            records.Add(new FeedbackRecord(trace.Id, winner.Key, assessments, fields, embeddedField, Fingerprint(winner.Key, assessments, fields)));
        }

        return new FeedbackExtraction(records, skipped, discarded,
            new LabelResolutionCounts(single, unanimous, majority, recent, adjudicated, droppedTies, droppedDisagreements));
    }

    private enum Decision
    {
        Single,
        Unanimous,
        Majority,
        MostRecent,
        Adjudicated,
        DroppedTie,
        DroppedDisagreement,
    }

    // groups: by value, most votes first, ties ordered by their most recent label.
    private static IGrouping<FeedbackValue, (Assessment Assessment, FeedbackValue Value)>? Resolve(
        List<IGrouping<FeedbackValue, (Assessment Assessment, FeedbackValue Value)>> groups, int labels, LabelResolution resolution, out Decision how)
    {
        if (groups.Count == 1)
        {
            how = labels == 1 ? Decision.Single : Decision.Unanimous;
            return groups[0];
        }

        if (resolution.Rule == LabelResolutionRule.DropDisagreements)
        {
            how = Decision.DroppedDisagreement;
            return null;
        }

        if (resolution.Rule == LabelResolutionRule.Adjudicator
            && groups.FirstOrDefault(g => g.Any(r => string.Equals(r.Assessment.Source.Id, resolution.Adjudicator, StringComparison.Ordinal))) is { } chosen)
        {
            how = Decision.Adjudicated;
            return chosen;
        }

        var tied = groups[1].Count() == groups[0].Count();
        if (!tied)
        {
            how = Decision.Majority;
            return groups[0];
        }

        how = resolution.Ties == TiePolicy.Drop ? Decision.DroppedTie : Decision.MostRecent;
        return resolution.Ties == TiePolicy.Drop ? null : groups[0];
    }

    private static string Tally(IEnumerable<IGrouping<FeedbackValue, (Assessment Assessment, FeedbackValue Value)>> groups) =>
        string.Join(", ", groups.Select(g => $"{g.Count()} said {g.Key}"));

    /// <summary>
    /// The field retrieval compares: the conversation for a conversation judge (its examples are keyed by what was said,
    /// not by its expectations), otherwise the first of inputs, outputs, expectations, trace that the rubric uses.
    /// </summary>
    public static string EmbeddedField(JudgeDefinition definition) =>
        new[] { TraceField.Conversation, TraceField.Inputs, TraceField.Outputs, TraceField.Expectations, TraceField.Trace }
            .First(definition.Variables.Contains);

    /// <summary>
    /// A field as an example keeps it (and as it is embedded and shown): the prompt text of the value, or for the
    /// conversation its transcript shortened to the embedder's budget, so an example of a long conversation stays
    /// within what the embedder reads and what a prompt can show.
    /// </summary>
    public static string FieldText(Trace trace, string field, EmbeddingTokenLimit limit)
    {
        var value = trace.GetField(field)!.Value;
        return field == TraceField.Conversation ? ConversationText.Shorten(value, limit).Text : Rubrics.JsonData.ToPromptText(value);
    }

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
