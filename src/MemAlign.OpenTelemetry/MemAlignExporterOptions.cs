using System.Diagnostics;
using MemAlign.Storage;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace MemAlign.OpenTelemetry;

/// <summary>How <see cref="MemAlignExporter"/> stores an app's GenAI chat spans.</summary>
public sealed class MemAlignExporterOptions
{
    /// <summary>The experiment the traces go to (default <see cref="IMemAlignStore.DefaultExperiment"/>).</summary>
    public string Experiment { get; set; } = IMemAlignStore.DefaultExperiment;

    /// <summary>The values of <c>gen_ai.operation.name</c> whose spans become traces (default: <c>chat</c>).</summary>
    public ICollection<string> Operations { get; } = new List<string> { "chat" };

    /// <summary>
    /// More tags from span or resource attributes: attribute key to tag key, such as
    /// <c>TagAttributes["deployment.environment.name"] = "env"</c>. Every trace has the tags <c>service</c>,
    /// <c>model</c>, <c>provider</c> and <c>operation</c> as well.
    /// </summary>
    public IDictionary<string, string> TagAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Tags every trace gets, such as <c>Tags["source"] = "production"</c>; they win over tags read from attributes.</summary>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Which spans to consider at all (default: every span the provider exports); the others are counted as filtered.</summary>
    public Func<Activity, bool>? Filter { get; set; }

    /// <summary>Where the exporter says what it skipped and what it could not store (default: nowhere; <see cref="MemAlignExporter.Counts"/> counts it all).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The batch processor's settings: queue size, delay between exports, batch size, export timeout.</summary>
    public BatchExportActivityProcessorOptions Batch { get; } = new();
}
