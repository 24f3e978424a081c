using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Labeling.Tests;

/// <summary>
/// A store (a SQLite file of its own, or an experiment of its own on the test PostgreSQL server) holding traces, a
/// registered judge with its label schema, and a labeling session over the traces; and servers started on it.
/// </summary>
internal sealed class LabelingScenario : IAsyncDisposable
{
    public const string JudgeName = "helpfulness";
    public const string SessionName = "review";

    private readonly List<LabelingServer> _servers = [];

    private LabelingScenario(IMemAlignStore store, string experiment, JudgeDefinition definition, LabelingSession session, string storeSetting)
    {
        Store = store;
        Experiment = experiment;
        Definition = definition;
        Session = session;
        StoreSetting = storeSetting;
    }

    public IMemAlignStore Store { get; }

    public string Experiment { get; }

    public JudgeDefinition Definition { get; }

    public LabelingSession Session { get; }

    /// <summary>The store as MEMALIGN_STORE would name it.</summary>
    public string StoreSetting { get; }

    public static async Task<LabelingScenario> CreateAsync(
        IReadOnlyList<Trace> traces,
        FeedbackValueType? valueType = null,
        string[]? reviewers = null,
        int labelsPerTrace = 1,
        LabelComment comment = LabelComment.Optional,
        string? title = "Is the answer helpful?",
        string? instruction = "Say **yes** when the answer solves the user's problem.",
        string backend = Backends.Sqlite,
        JudgeVisibility showJudge = JudgeVisibility.AfterLabel)
    {
        string setting;
        string experiment;
        if (backend == Backends.PostgreSql)
        {
            setting = TestMachine.PostgreSqlConnection ?? throw new InvalidOperationException(TestMachine.PostgreSqlSkipReason);
            experiment = "labeling-" + Guid.NewGuid().ToString("N");
        }
        else
        {
            setting = Path.Combine(Path.GetTempPath(), "memalign-labeling-tests", Guid.NewGuid().ToString("N"), "store.db");
            Directory.CreateDirectory(Path.GetDirectoryName(setting)!);
            experiment = IMemAlignStore.DefaultExperiment;
        }

        var store = await TestStores.OpenAsync(setting);
        await store.CreateExperimentAsync(experiment);
        await store.AddTracesAsync(experiment, traces);
        var definition = JudgeDefinition.Create(JudgeName, "Is {{ outputs }} a helpful answer to {{ inputs }}?", valueType ?? FeedbackValueType.Boolean);
        await store.RegisterJudgeAsync(experiment, definition, JudgeMemory.Empty, labelSchema: new LabelSchema(JudgeName, definition.ValueType, title, instruction, comment));
        var session = new LabelingSession
        {
            Name = SessionName,
            Experiment = experiment,
            JudgeName = JudgeName,
            Reviewers = reviewers ?? [],
            LabelsPerTrace = labelsPerTrace,
            Order = LabelingOrder.Random,
            TraceIds = [.. traces.Select(t => t.Id)],
            CreatedAt = DateTimeOffset.UnixEpoch,
            ShowJudge = showJudge,
        };
        await store.CreateLabelingSessionAsync(session);
        return new LabelingScenario(store, experiment, definition, session, setting);
    }

    /// <summary>Simple question-and-answer traces t1..tN.</summary>
    public static IReadOnlyList<Trace> Traces(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Trace.Create($"t{i}", $"Question {i}: how do I reset my password?", $"Answer {i}: open Settings, then Security, then Reset."))];

    /// <summary>Starts a server on the scenario's store; it is stopped with the scenario unless disposed before.</summary>
    public async Task<LabelingServer> StartAsync(string? reviewer = "ana", Func<Trace, CancellationToken, Task<JudgeVerdict>>? verdicts = null, IReadOnlyDictionary<string, string>? tokens = null, long maxBody = 64 * 1024,
        Microsoft.Extensions.Logging.ILogger? logger = null, Func<LabelingServerOptions, LabelingServerOptions>? configure = null)
    {
        configure ??= options => options;
        var server = await LabelingServer.StartAsync(configure(new LabelingServerOptions
        {
            Traces = Store,
            Judges = Store,
            Sessions = Store,
            Experiment = Experiment,
            SessionName = SessionName,
            Reviewer = reviewer,
            Verdicts = verdicts,
            Tokens = tokens ?? new Dictionary<string, string>(),
            MaxRequestBodyBytes = maxBody,
            Logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
        }));
        _servers.Add(server);
        return server;
    }

    /// <summary>The local judge's verdicts (offline, as the memalign tool gives without a model).</summary>
    public Func<Trace, CancellationToken, Task<JudgeVerdict>> LocalVerdicts()
    {
        IJudge judge = Judge.CreateLocal(Definition);
        return (trace, cancellationToken) => judge.EvaluateAsync(trace, cancellationToken);
    }

    /// <summary>The session's labels now in the store, with the traces they are on.</summary>
    public async Task<IReadOnlyList<(string TraceId, Assessment Label)>> LabelsAsync()
    {
        var traces = await Store.GetTracesAsync(Experiment, Session.TraceIds);
        return [.. traces.SelectMany(t => LabelingProgress.LabelsOn(Session, t).Select(a => (t.Id, a))).OrderBy(l => l.Id, StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await Store.DisposeAsync();
    }
}
