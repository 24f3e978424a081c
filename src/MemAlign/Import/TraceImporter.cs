using System.Threading.Channels;
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

    /// <summary>
    /// Traces written per transaction (default 5,000): a failure keeps every batch before it. Larger batches write faster (each
    /// commit rewrites the index pages the batch touched; at 1,000 a 50,000-trace import wrote its file six times over). The first
    /// batch holds at most 1,000, so writing starts while the rest of the file is read.
    /// </summary>
    public int BatchSize { get; init; } = 5_000;
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
    /// <param name="cancellationToken">Stops the import: batches already written stay, the one being written is rolled back.</param>
    /// <remarks>
    /// Reading (parsing each line, checking ids and labels, looking up which traces are stored) runs on its own task ahead of writing,
    /// handing whole batches over a bounded channel: the store writes one batch while the next is parsed and looked up, and a slow store
    /// holds the reader back a few batches at most. A batch is looked up before the ones ahead of it are written; that sees the same
    /// stored traces, since a trace id comes once in a file.
    /// </remarks>
    public static async Task<ImportReport> ImportAsync(ITraceStore store, string experiment, IEnumerable<TraceLine> lines, ImportOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lines);
        options ??= new ImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var reader = new LineReader(options, store, experiment);
        var conflicts = new List<ImportProblem>();
        var report = new ImportReport();
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => reader.ReadAsync(lines, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                report = await WriteAsync(store, experiment, batch, options.OnConflict, report, conflicts, cancellationToken).ConfigureAwait(false);
                progress?.Report(report.StoredThroughLine);
                if (report.Failure is not null)
                {
                    // As if reading had stopped at this batch: the lines after it were never looked at.
                    await StopAsync(stop, reading).ConfigureAwait(false);
                    return report with { Lines = batch.Read, Ignored = batch.Ignored, Problems = Ordered([.. reader.Problems.Take(batch.Problems), .. conflicts]) };
                }
            }

            await reading.ConfigureAwait(false);
        }
        finally
        {
            await StopAsync(stop, reading).ConfigureAwait(false);
        }

        return report with { Lines = reader.Read, Ignored = reader.Ignored, Problems = Ordered([.. reader.Problems, .. conflicts]) };
    }

    // Batches parsed ahead of the one being written (two: enough to keep the writer busy, and at most three batches in memory).
    private const int ReadAhead = 2;

    // The first batch is at most this large: writing sets an import's pace, and it starts once the first batch is read, so a
    // small one starts it sooner (about 0.1 s of a two-second 50,000-trace import, against 5,000 in the first batch).
    private const int FirstBatchSize = 1_000;

    private static async Task StopAsync(CancellationTokenSource stop, Task reading)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Reading stops when writing does; the writer's own outcome is what the caller sees.
        }
    }

    /// <summary>
    /// Traces to write together, with how far reading had got when the batch was sealed, and the content fingerprints of those
    /// already stored (or why the store could not say).
    /// </summary>
    private sealed record Batch(List<(int Line, Trace Trace)> Traces, int Read, int Ignored, int Problems, IReadOnlyDictionary<string, string>? Stored, string? LookupFailure);

    // The reading side: parses lines (the enumeration does), refuses repeated ids and labels a judge cannot take, and seals batches.
    private sealed class LineReader(ImportOptions options, ITraceStore store, string experiment)
    {
        private readonly Dictionary<string, (string Name, FeedbackValueType Type)> _judges =
            options.Judges.ToDictionary(j => Assessment.NameKey(j.Key), j => (Name: j.Key, Type: j.Value), StringComparer.Ordinal);

        public List<ImportProblem> Problems { get; } = [];

        public int Read { get; private set; }

        public int Ignored { get; private set; }

        public async Task ReadAsync(IEnumerable<TraceLine> lines, ChannelWriter<Batch> batches, CancellationToken cancellationToken)
        {
            try
            {
                var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
                var size = Math.Min(options.BatchSize, FirstBatchSize);
                var batch = new List<(int Line, Trace Trace)>(size);
                foreach (var line in lines)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Read++;
                    if (Accept(line, firstLine) is not { } trace)
                    {
                        continue;
                    }

                    batch.Add((line.Line, trace));
                    if (batch.Count == size)
                    {
                        await batches.WriteAsync(await SealAsync(batch, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                        size = options.BatchSize;
                        batch = new List<(int Line, Trace Trace)>(size);
                    }
                }

                if (batch.Count > 0)
                {
                    await batches.WriteAsync(await SealAsync(batch, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                }

                batches.TryComplete();
            }
            catch (Exception e)
            {
                batches.TryComplete(e);
                throw;
            }
        }

        private async Task<Batch> SealAsync(List<(int Line, Trace Trace)> batch, CancellationToken cancellationToken)
        {
            try
            {
                var stored = await store.GetContentFingerprintsAsync(experiment, batch.Select(b => b.Trace.Id).ToList(), cancellationToken).ConfigureAwait(false);
                return new Batch(batch, Read, Ignored, Problems.Count, stored, null);
            }
            catch (StoreException e)
            {
                return new Batch(batch, Read, Ignored, Problems.Count, null, e.Message);
            }
        }

        private Trace? Accept(TraceLine line, Dictionary<string, int> firstLine)
        {
            if (line.Trace is null && line.Ignored is not null)
            {
                Ignored++;
                return null;
            }

            if (line.Trace is not { } trace)
            {
                Problems.Add(new ImportProblem(line.Line, line.TraceId, line.Error ?? "unreadable"));
                return null;
            }

            if (firstLine.TryGetValue(trace.Id, out var earlier))
            {
                Problems.Add(new ImportProblem(line.Line, trace.Id,
                    $"trace '{trace.Id}' is on lines {earlier} and {line.Line}; a trace id must be unique in a file, so line {line.Line} was not imported"));
                return null;
            }

            firstLine[trace.Id] = line.Line;
            if (LabelProblem(trace, _judges) is { } label)
            {
                Problems.Add(new ImportProblem(line.Line, trace.Id, label));
                return null;
            }

            // The fingerprint is what the writer compares against the store: worked out here, off the write path.
            _ = trace.ContentFingerprint;
            return trace;
        }
    }

    private static async Task<ImportReport> WriteAsync(ITraceStore store, string experiment, Batch batch, ImportConflict onConflict,
        ImportReport report, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (batch.Stored is not { } existing)
        {
            return report with { Failure = batch.LookupFailure };
        }

        var write = new List<Trace>(batch.Traces.Count);
        int added = 0, updated = 0, replaced = 0, skipped = 0;
        foreach (var (line, trace) in batch.Traces)
        {
            if (!existing.TryGetValue(trace.Id, out var old))
            {
                write.Add(trace);
                added++;
            }
            else if (old == trace.ContentFingerprint)
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
            StoredThroughLine = batch.Traces[^1].Line,
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
