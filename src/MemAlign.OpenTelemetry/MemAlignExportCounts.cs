namespace MemAlign.OpenTelemetry;

/// <summary>What a <see cref="MemAlignExporter"/> did with the spans it was given, so far.</summary>
/// <param name="Stored">Spans stored as traces.</param>
/// <param name="Filtered">Spans the <see cref="MemAlignExporterOptions.Filter"/> left out.</param>
/// <param name="NotChat">Spans that are not GenAI chat spans (HTTP requests, tool calls, ...): nothing to store.</param>
/// <param name="WithoutContent">Chat spans recorded without their messages (the app does not record message content): skipped, not stored empty.</param>
/// <param name="WithoutResponse">Chat spans with a request but no response (the call failed or was cancelled): skipped.</param>
/// <param name="Unreadable">Chat spans whose messages could not be read: skipped.</param>
/// <param name="NotStored">Traces the store refused or failed to write (logged with the reason).</param>
public sealed record MemAlignExportCounts(long Stored, long Filtered, long NotChat, long WithoutContent, long WithoutResponse, long Unreadable, long NotStored);
