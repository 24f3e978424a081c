namespace MemAlign.Storage;

/// <summary>
/// The judge registry: every registered version of every judge, each a self-contained snapshot of its
/// definition, memory, label schema and settings. Versions count from 1 per judge name and experiment.
/// </summary>
public interface IJudgeRegistry
{
    /// <summary>
    /// Registers a snapshot of the judge (definition, memory, label schema, settings) as the next version of its name:
    /// 1 for a new name. Concurrent registrations of one name get distinct versions, and a number is never given twice,
    /// even after its version was deleted. Traces forgotten while the memory was being built (see <see cref="IForgetting"/>)
    /// leave it as forgetting leaves every version: their examples and the distilled guidelines citing them are not
    /// registered, and the returned counts say what was. With
    /// <paramref name="baseVersion"/> (the version the memory was made from), registration succeeds only
    /// while that is still the latest: a concurrent writer's version is never silently overtaken.
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="definition">The judge's definition.</param>
    /// <param name="memory">Its memory.</param>
    /// <param name="settings">Your own extras to record with it (optimizer settings, say).</param>
    /// <param name="baseVersion">The version the memory was made from (0 for none), or <see langword="null"/> to register on whatever is the latest.</param>
    /// <param name="labelSchema">How reviewers are asked for its labels (see <see cref="RegisteredJudge.LabelSchema"/>); its name and value type are the judge's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="StaleJudgeVersionException">A version later than <paramref name="baseVersion"/> was registered meanwhile.</exception>
    /// <exception cref="ArgumentException"><paramref name="labelSchema"/> is for another judge.</exception>
    Task<JudgeVersionInfo> RegisterJudgeAsync(string experiment, JudgeDefinition definition, JudgeMemory memory,
        IReadOnlyDictionary<string, string>? settings = null, int? baseVersion = null, LabelSchema? labelSchema = null, CancellationToken cancellationToken = default);

    /// <summary>A registered judge version (the latest when <paramref name="version"/> is omitted), or <see langword="null"/>.</summary>
    Task<RegisteredJudge?> GetJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every registered judge, in order of name.</summary>
    Task<IReadOnlyList<JudgeVersionInfo>> ListJudgesAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>Every version of one judge, oldest first.</summary>
    Task<IReadOnlyList<JudgeVersionInfo>> ListJudgeVersionsAsync(string experiment, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes one version of a judge, or every version when <paramref name="version"/> is omitted.</summary>
    /// <returns>How many versions were deleted.</returns>
    Task<int> DeleteJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default);
}
