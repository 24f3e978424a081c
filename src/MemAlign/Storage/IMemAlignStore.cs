namespace MemAlign.Storage;

/// <summary>
/// Everything MemAlign keeps, as one store: traces (<see cref="ITraceStore"/>), the judge registry
/// (<see cref="IJudgeRegistry"/>), evaluation runs (<see cref="IEvaluationStore"/>), labeling sessions
/// (<see cref="ILabelingStore"/>) and forgetting (<see cref="IForgetting"/>). Code that needs one role takes that interface. Implementations:
/// MemAlign.Sqlite (one file) and MemAlign.PostgreSql (a team's server).
/// </summary>
public interface IMemAlignStore : ITraceStore, IJudgeRegistry, IEvaluationStore, ILabelingStore, IForgetting, IAsyncDisposable
{
    /// <summary>The experiment used when none is named.</summary>
    const string DefaultExperiment = "default";

    /// <summary>What the store is (a file path, or a server and database), for messages; never a password.</summary>
    string Description { get; }
}
