namespace MemAlign.Storage;

/// <summary>
/// A new label was refused: the trace already has the labels its labeling session asks for (another reviewer, maybe
/// through another server on the same store, gave the last one meanwhile). Nothing was written; move on to another trace.
/// </summary>
public sealed class LabelLimitReachedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabelLimitReachedException(string sessionName, string traceId, int labelsPerTrace)
        : base($"Trace '{traceId}' already has the {labelsPerTrace} label(s) labeling session '{sessionName}' asks for; no label was added.")
    {
        SessionName = sessionName;
        TraceId = traceId;
        LabelsPerTrace = labelsPerTrace;
    }

    /// <summary>The labeling session.</summary>
    public string SessionName { get; }

    /// <summary>The trace.</summary>
    public string TraceId { get; }

    /// <summary>The labels the session asks for per trace.</summary>
    public int LabelsPerTrace { get; }
}
