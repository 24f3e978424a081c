using MemAlign.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MemAlign.Labeling;

/// <summary>
/// What the labeling app serves, whether it starts its own server (<see cref="LabelingServerOptions"/>) or is mounted
/// in an ASP.NET Core host (<see cref="LabelingEndpointOptions"/>).
/// </summary>
public abstract record LabelingAppOptions
{
    /// <summary>
    /// Where the session's traces are read and its labels written (as HUMAN assessments). With one store for
    /// everything (an <see cref="IMemAlignStore"/>), give it to <see cref="Traces"/>, <see cref="Judges"/> and <see cref="Sessions"/>.
    /// </summary>
    public required ITraceStore Traces { get; init; }

    /// <summary>Where the session's judge is registered: its label schema is what reviewers answer.</summary>
    public required IJudgeRegistry Judges { get; init; }

    /// <summary>Where the labeling session is: its traces, its reviewers.</summary>
    public required ILabelingStore Sessions { get; init; }

    /// <summary>The labeling session to serve.</summary>
    public required string SessionName { get; init; }

    /// <summary>The experiment the session belongs to.</summary>
    public string Experiment { get; init; } = IMemAlignStore.DefaultExperiment;

    /// <summary>
    /// The judge's current verdict on a trace, shown beside it (value, rationale, confidence, the retrieved examples' traces);
    /// <see langword="null"/> shows none. An error verdict shows as "no verdict yet" with its reason. Each trace is judged once per server.
    /// </summary>
    public Func<Trace, CancellationToken, Task<JudgeVerdict>>? Verdicts { get; init; }

    /// <summary>The largest request body accepted (default 64 KiB); larger ones are answered with 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Where the server reports what failed: a request's exception, a judge's exception (reviewers see only that the judge
    /// failed), addresses made to wait after wrong tokens. Never tokens or trace content. Default: nowhere.
    /// </summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock labels are stamped with.</summary>
    public TimeProvider TimeProvider { get; init; } = SystemClock.Default;
}
