using MemAlign.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MemAlign.Labeling;

/// <summary>What <see cref="LabelingServer.StartAsync"/> serves, where, and to whom.</summary>
public sealed record LabelingServerOptions
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

    /// <summary>The address to listen on: an IP address or <c>localhost</c> (default 127.0.0.1, reachable from this machine only).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 (the default) takes any free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The address reviewers reach the server at, when it is not the one it listens on (a name on the network, or an
    /// HTTPS proxy in front of it): the links carry it, and requests naming its host are answered. An absolute http or
    /// https URL with no path; the app is served at its root. <see langword="null"/> (the default): the listening address.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// Whether the cookies (the reviewer's token, the antiforgery cookie) are sent over HTTPS only, for a server behind
    /// an HTTPS proxy. Always so when <see cref="PublicUrl"/> is https; requests are then taken to have come over HTTPS.
    /// </summary>
    public bool SecureCookies { get; init; }

    /// <summary>
    /// The reviewer whose labels the link carries when the session names no reviewers (anyone with the link may label);
    /// required then, and ignored otherwise. The library never guesses it (the memalign tool passes the user name).
    /// </summary>
    public string? Reviewer { get; init; }

    /// <summary>
    /// Access tokens by reviewer, for reviewers who should keep a token across restarts (16 to 256 URL-safe characters:
    /// letters, digits, '-' and '_'). Every reviewer not given one gets a fresh random one (128 bits from a CSPRNG).
    /// </summary>
    public IReadOnlyDictionary<string, string> Tokens { get; init; } = new Dictionary<string, string>();

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
