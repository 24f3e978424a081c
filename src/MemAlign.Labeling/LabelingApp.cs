using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// One served session and the parts that answer its requests, however the app is reached: on a server of its own
/// (<see cref="LabelingServer"/>) or mounted in a host (<see cref="LabelingEndpointRouteBuilderExtensions.MapMemAlignLabeling"/>).
/// </summary>
internal sealed class LabelingApp(ServedSession served, ItemViews views, LabelWriter writer, ILogger logger) : IDisposable
{
    public ServedSession Served { get; } = served;

    public ItemViews Views { get; } = views;

    public LabelWriter Writer { get; } = writer;

    public ILogger Logger { get; } = logger;

    /// <summary>Reads the session and its judge from the store.</summary>
    /// <param name="options">What to serve.</param>
    /// <param name="logger">Where failures go.</param>
    /// <param name="serverStopping">Cancelled when the server stops: verdicts are asked on the server's lifetime, not a request's.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="InvalidOperationException">The session does not exist, or its judge is not registered.</exception>
    public static async Task<LabelingApp> LoadAsync(LabelingAppOptions options, ILogger logger, CancellationToken serverStopping, CancellationToken cancellationToken)
    {
        var session = await options.Sessions.GetLabelingSessionAsync(options.Experiment, options.SessionName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"There is no labeling session '{options.SessionName}' in experiment '{options.Experiment}'.");
        var judge = await options.Judges.GetJudgeAsync(options.Experiment, session.JudgeName, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Labeling session '{session.Name}' is for judge '{session.JudgeName}', which is not registered in experiment '{options.Experiment}'; its label schema comes from the registered judge.");
        var served = new ServedSession(options.Traces, options.Sessions, session, judge, options.TimeProvider);
        return new LabelingApp(served, new ItemViews(served, new VerdictCache(options.Verdicts, logger, serverStopping)), new LabelWriter(served), logger);
    }

    public void Dispose() => Writer.Dispose();
}
