using MemAlign.Storage;

namespace MemAlign.Import;

/// <summary>What to do with a trace whose id is already stored with other inputs, outputs or expectations.</summary>
public enum ImportConflict
{
    /// <summary>Report the line and leave the stored trace as it is (the default: nothing is replaced without being asked).</summary>
    Error,

    /// <summary>Keep the stored trace, and say how many were kept.</summary>
    Skip,

    /// <summary>
    /// Replace the stored content. Labels that rated the old content stay, marked as such (their
    /// <see cref="Assessment.RatedContent"/>), and alignment no longer learns from them.
    /// </summary>
    Replace,
}

/// <summary>How an import treats conflicts and labels.</summary>
public sealed record ImportOptions
{
    /// <summary>What to do when a trace's id is stored with other content (default: <see cref="ImportConflict.Error"/>).</summary>
    public ImportConflict OnConflict { get; init; } = ImportConflict.Error;

    /// <summary>
    /// The value types of the judges feedback is for, by judge name: an assessment named like one must be a
    /// value that judge takes, or its line is refused. Judges not listed are not checked.
    /// </summary>
    public IReadOnlyDictionary<string, FeedbackValueType> Judges { get; init; } = new Dictionary<string, FeedbackValueType>();

    /// <summary>Traces written per transaction (default 1,000): a failure keeps every batch before it.</summary>
    public int BatchSize { get; init; } = 1_000;
}

/// <summary>A line that was not imported, and why.</summary>
/// <param name="Line">The line (or item) number, from 1.</param>
/// <param name="TraceId">The trace on it, when its id could be read.</param>
/// <param name="Message">Why.</param>
public sealed record ImportProblem(int Line, string? TraceId, string Message);

/// <summary>What an import stored, and what it did not.</summary>
public sealed record ImportReport
{
    /// <summary>Lines (or items) read, blank ones aside.</summary>
    public int Lines { get; init; }

    /// <summary>Items read that hold nothing to import and are no error (<see cref="TraceLine.Ignored"/>): spans of an OTLP export that are not GenAI chat spans.</summary>
    public int Ignored { get; init; }

    /// <summary>Traces new to the store.</summary>
    public int Added { get; init; }

    /// <summary>Stored traces with the same content, written again (their tags and labels updated; unchanged ones stay as they were).</summary>
    public int Updated { get; init; }

    /// <summary>Stored traces whose content was replaced (<see cref="ImportConflict.Replace"/>).</summary>
    public int Replaced { get; init; }

    /// <summary>Stored traces kept as they were (<see cref="ImportConflict.Skip"/>).</summary>
    public int Skipped { get; init; }

    /// <summary>Lines not imported, with the reason; each line at most once.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>Why the store stopped the import, if it did; every batch before it is stored.</summary>
    public string? Failure { get; init; }

    /// <summary>The last line of the last batch stored (everything after it was not stored when <see cref="Failure"/> is set).</summary>
    public int StoredThroughLine { get; init; }

    /// <summary>Distinct traces written to the store.</summary>
    public int Stored => Added + Updated + Replaced;
}

/// <summary>
/// Imports traces read by <see cref="TraceFile"/> into a store, losing nothing and replacing nothing
/// silently: a trace id repeated in the file, a label its judge cannot take, and a stored trace with other
/// content are each reported with their line; batches are written one transaction at a time, so a store
/// that fails (a full disk) keeps every batch before it, and the report says how far it got.
/// </summary>
public static class TraceImporter
{
    /// <summary>Imports <paramref name="lines"/> into <paramref name="experiment"/>.</summary>
    /// <param name="store">Where the traces go.</param>
    /// <param name="experiment">The experiment.</param>
    /// <param name="lines">What <see cref="TraceFile.Read(string)"/> read, bad lines included (they become problems).</param>
    /// <param name="options">Conflicts and label checks.</param>
    /// <param name="progress">Reports the lines stored so far.</param>
    /// <param name="cancellationToken">Stops after the batch being written.</param>
    public static async Task<ImportReport> ImportAsync(ITraceStore store, string experiment, IEnumerable<TraceLine> lines, ImportOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lines);
        options ??= new ImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var judges = options.Judges.ToDictionary(j => Assessment.NameKey(j.Key), j => (Name: j.Key, Type: j.Value), StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var report = new ImportReport();
        var batch = new List<(int Line, Trace Trace)>();
        var read = 0;
        var ignored = 0;

        foreach (var line in lines)
        {
            read++;
            if (line.Trace is null && line.Ignored is not null)
            {
                ignored++;
                continue;
            }

            if (line.Trace is not { } trace)
            {
                problems.Add(new ImportProblem(line.Line, line.TraceId, line.Error ?? "unreadable"));
                continue;
            }

            if (firstLine.TryGetValue(trace.Id, out var earlier))
            {
                problems.Add(new ImportProblem(line.Line, trace.Id,
                    $"trace '{trace.Id}' is on lines {earlier} and {line.Line}; a trace id must be unique in a file, so line {line.Line} was not imported"));
                continue;
            }

            firstLine[trace.Id] = line.Line;
            if (LabelProblem(trace, judges) is { } label)
            {
                problems.Add(new ImportProblem(line.Line, trace.Id, label));
                continue;
            }

            batch.Add((line.Line, trace));
            if (batch.Count == options.BatchSize)
            {
                report = await WriteAsync(store, experiment, batch, options.OnConflict, report, problems, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                progress?.Report(report.StoredThroughLine);
                if (report.Failure is not null)
                {
                    return report with { Lines = read, Ignored = ignored, Problems = Ordered(problems) };
                }
            }
        }

        if (batch.Count > 0)
        {
            report = await WriteAsync(store, experiment, batch, options.OnConflict, report, problems, cancellationToken).ConfigureAwait(false);
            progress?.Report(report.StoredThroughLine);
        }

        return report with { Lines = read, Ignored = ignored, Problems = Ordered(problems) };
    }

    private static async Task<ImportReport> WriteAsync(ITraceStore store, string experiment, List<(int Line, Trace Trace)> batch, ImportConflict onConflict,
        ImportReport report, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        IReadOnlyList<Trace> stored;
        try
        {
            stored = await store.GetTracesAsync(experiment, batch.Select(b => b.Trace.Id).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            return report with { Failure = e.Message };
        }

        var existing = stored.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var write = new List<Trace>();
        int added = 0, updated = 0, replaced = 0, skipped = 0;
        foreach (var (line, trace) in batch)
        {
            if (!existing.TryGetValue(trace.Id, out var old))
            {
                write.Add(trace);
                added++;
            }
            else if (old.ContentFingerprint == trace.ContentFingerprint)
            {
                write.Add(trace);
                updated++;
            }
            else if (onConflict == ImportConflict.Replace)
            {
                write.Add(trace);
                replaced++;
            }
            else if (onConflict == ImportConflict.Skip)
            {
                skipped++;
            }
            else
            {
                problems.Add(new ImportProblem(line, trace.Id,
                    $"trace '{trace.Id}' is already stored with other inputs, outputs or expectations; it was not imported "
                    + "(set ImportOptions.OnConflict to ImportConflict.Replace to replace the stored content, or to ImportConflict.Skip to keep it)"));
            }
        }

        try
        {
            await store.AddTracesAsync(experiment, write, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            return report with { Failure = e.Message };
        }

        return report with
        {
            Added = report.Added + added,
            Updated = report.Updated + updated,
            Replaced = report.Replaced + replaced,
            Skipped = report.Skipped + skipped,
            StoredThroughLine = batch[^1].Line,
        };
    }

    // A label is checked against the judge it is named for: a value that judge cannot take would be dropped by alignment later.
    private static string? LabelProblem(Trace trace, Dictionary<string, (string Name, FeedbackValueType Type)> judges)
    {
        foreach (var assessment in trace.Assessments)
        {
            if (judges.TryGetValue(Assessment.NameKey(assessment.Name), out var judge) && !judge.Type.TryNormalize(assessment.Value, out _, out var problem))
            {
                return $"the {AssessmentSource.TypeName(assessment.Source.Type)} label '{assessment.Name}' by '{assessment.Source.Id}' has the value {assessment.Value}, "
                    + $"which judge '{judge.Name}' does not take: it must be {judge.Type.Describe()}{problem}";
            }
        }

        return null;
    }

    private static List<ImportProblem> Ordered(List<ImportProblem> problems) => problems.OrderBy(p => p.Line).ToList();
}
