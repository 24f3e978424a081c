namespace MemAlign.Storage;

/// <summary>
/// A judge version was registered on a base that is no longer the latest: another writer registered a
/// version meanwhile. Rebuild on the latest (align again from it: unchanged feedback costs nothing) and
/// register on that.
/// </summary>
public sealed class StaleJudgeVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StaleJudgeVersionException(string judgeName, int baseVersion, int latestVersion)
        : base($"Judge '{judgeName}' was built on version {baseVersion}, but version {latestVersion} was registered meanwhile; build on version {latestVersion} and register again.")
    {
        JudgeName = judgeName;
        BaseVersion = baseVersion;
        LatestVersion = latestVersion;
    }

    /// <summary>The judge.</summary>
    public string JudgeName { get; }

    /// <summary>The version the new one was built on.</summary>
    public int BaseVersion { get; }

    /// <summary>The latest version now.</summary>
    public int LatestVersion { get; }
}
