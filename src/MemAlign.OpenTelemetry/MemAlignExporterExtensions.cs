using MemAlign.Storage;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MemAlign.OpenTelemetry;

/// <summary>Adds the <see cref="MemAlignExporter"/> to a tracer provider.</summary>
public static class MemAlignExporterExtensions
{
    /// <summary>
    /// Stores the app's GenAI chat spans as MemAlign traces in <paramref name="store"/>, through a batch processor
    /// (exports happen off the app's threads). Add the app's chat client's source with <c>AddSource</c>, and record
    /// message content (<c>UseOpenTelemetry(configure: c => c.EnableSensitiveData = true)</c>): spans without it are skipped.
    /// </summary>
    /// <param name="builder">The tracer provider's builder.</param>
    /// <param name="store">Where the traces go; dispose it after the tracer provider (disposing that stores what is queued).</param>
    /// <param name="configure">The experiment, tags, filter and batch settings.</param>
    public static TracerProviderBuilder AddMemAlignExporter(this TracerProviderBuilder builder, ITraceStore store, Action<MemAlignExporterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        var options = new MemAlignExporterOptions();
        configure?.Invoke(options);
        return builder.AddMemAlignExporter(new MemAlignExporter(store, options));
    }

    /// <summary>Adds an exporter made beforehand (to read its <see cref="MemAlignExporter.Counts"/>), through a batch processor with its options' batch settings.</summary>
    /// <param name="builder">The tracer provider's builder.</param>
    /// <param name="exporter">The exporter.</param>
    public static TracerProviderBuilder AddMemAlignExporter(this TracerProviderBuilder builder, MemAlignExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(exporter);
        var batch = exporter.Options.Batch;
        return builder.AddProcessor(new BatchActivityExportProcessor(exporter, batch.MaxQueueSize, batch.ScheduledDelayMilliseconds, batch.ExporterTimeoutMilliseconds, batch.MaxExportBatchSize));
    }
}
