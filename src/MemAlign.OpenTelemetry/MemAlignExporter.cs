using System.Diagnostics;
using MemAlign.Import;
using MemAlign.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;

namespace MemAlign.OpenTelemetry;

/// <summary>
/// An OpenTelemetry exporter that stores an app's GenAI chat spans as MemAlign traces (mapped by
/// <see cref="GenAiSpans"/>: the request's messages as inputs, the response's text as outputs, model and service as
/// tags, token usage as metadata), ready for judging and labeling. Add it with
/// <see cref="MemAlignExporterExtensions.AddMemAlignExporter(global::OpenTelemetry.Trace.TracerProviderBuilder, ITraceStore, Action{MemAlignExporterOptions}?)"/>.
/// </summary>
/// <remarks>
/// Spans that are not chat spans are passed over; chat spans without message content (the app does not record it)
/// or without a response are skipped, never stored empty: each is counted in <see cref="Counts"/>, and the first of
/// each kind is logged as a warning saying how to record content. A store that fails never reaches the app: the
/// batch's export returns <see cref="ExportResult.Failure"/> and the error is logged.
/// </remarks>
public sealed class MemAlignExporter : BaseExporter<Activity>
{
    private readonly ITraceStore _store;
    private readonly string _experiment;
    private readonly GenAiTraceOptions _mapping;
    private readonly Func<Activity, bool>? _filter;
    private readonly ILogger _logger;
    private readonly HashSet<GenAiSpanOutcome> _warned = [];
    private IReadOnlyDictionary<string, object?>? _resource;
    private long _stored, _filtered, _notChat, _withoutContent, _withoutResponse, _unreadable, _notStored;

    /// <summary>Creates an exporter into <paramref name="store"/>; the caller keeps the store and disposes it after the tracer provider.</summary>
    /// <param name="store">Where the traces go.</param>
    /// <param name="options">The experiment, tags and filter (default: the default experiment, chat spans, the standard tags).</param>
    public MemAlignExporter(ITraceStore store, MemAlignExporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new MemAlignExporterOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Experiment, nameof(options));
        _store = store;
        _experiment = options.Experiment;
        _filter = options.Filter;
        _logger = options.LoggerFactory?.CreateLogger<MemAlignExporter>() ?? NullLogger<MemAlignExporter>.Instance;
        _mapping = new GenAiTraceOptions
        {
            Operations = [.. options.Operations],
            TagAttributes = new Dictionary<string, string>(options.TagAttributes, StringComparer.Ordinal),
            Tags = new Dictionary<string, string>(options.Tags, StringComparer.Ordinal),
        };
        Options = options;
    }

    /// <summary>The options it was created with (the batch processor's settings among them).</summary>
    public MemAlignExporterOptions Options { get; }

    /// <summary>What it did with the spans it was given so far.</summary>
    public MemAlignExportCounts Counts => new(Interlocked.Read(ref _stored), Interlocked.Read(ref _filtered), Interlocked.Read(ref _notChat),
        Interlocked.Read(ref _withoutContent), Interlocked.Read(ref _withoutResponse), Interlocked.Read(ref _unreadable), Interlocked.Read(ref _notStored));

    /// <inheritdoc />
    public override ExportResult Export(in Batch<Activity> batch)
    {
        var lines = new List<TraceLine>();
        try
        {
            var resource = _resource ??= Resource();
            foreach (var activity in batch)
            {
                if (_filter is { } filter && !filter(activity))
                {
                    Interlocked.Increment(ref _filtered);
                    continue;
                }

                var result = GenAiSpans.ToTrace(ActivitySpans.From(activity, resource), _mapping);
                if (result.Trace is { } trace)
                {
                    lines.Add(new TraceLine(lines.Count + 1, trace, null));
                    continue;
                }

                Interlocked.Increment(ref Counter(result.Outcome));
                Skipped(result);
            }

            if (lines.Count == 0)
            {
                return ExportResult.Success;
            }

            // The importer's rules: a trace id stored with other content is reported, never replaced silently.
            var report = TraceImporter.ImportAsync(_store, _experiment, lines).GetAwaiter().GetResult();
            Interlocked.Add(ref _stored, report.Stored);
            Interlocked.Add(ref _notStored, lines.Count - report.Stored);
            foreach (var problem in report.Problems)
            {
                ExporterLog.NotStored(_logger, problem.TraceId, _experiment, problem.Message);
            }

            if (report.Failure is { } failure)
            {
                ExporterLog.StoreFailed(_logger, lines.Count - report.Stored, _experiment, failure);
                return ExportResult.Failure;
            }

            return ExportResult.Success;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Telemetry never takes the app down: the batch is lost, and said so.
            Interlocked.Add(ref _notStored, lines.Count);
            ExporterLog.ExportFailed(_logger, e, lines.Count, _experiment);
            return ExportResult.Failure;
        }
    }

    private ref long Counter(GenAiSpanOutcome outcome)
    {
        switch (outcome)
        {
            case GenAiSpanOutcome.NotChat:
                return ref _notChat;
            case GenAiSpanOutcome.WithoutContent:
                return ref _withoutContent;
            case GenAiSpanOutcome.WithoutResponse:
                return ref _withoutResponse;
            default:
                return ref _unreadable;
        }
    }

    // Spans of other kinds are routine (HTTP, database): debug only. A skipped chat span is worth a warning, once per
    // kind, so a misconfigured app is noticed without flooding the log; the rest are counted and logged at debug.
    private void Skipped(GenAiSpanResult result)
    {
        if (result.Outcome != GenAiSpanOutcome.NotChat && _warned.Add(result.Outcome))
        {
            ExporterLog.FirstSkipped(_logger, result.Reason!);
        }
        else
        {
            ExporterLog.Skipped(_logger, result.Reason!);
        }
    }

    private Dictionary<string, object?> Resource()
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (ParentProvider is { } provider)
        {
            foreach (var (key, value) in provider.GetResource().Attributes)
            {
                attributes[key] = value;
            }
        }

        return attributes;
    }
}
