using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MemAlign.Storage;

namespace MemAlign.Cli.Json;

/// <summary>One registered version of a judge, as <c>judges list</c> and <c>judges versions</c> list it.</summary>
internal record JudgeVersionJson
{
    /// <summary>The judge's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version, from 1.</summary>
    public required int Version { get; init; }

    /// <summary>When it was registered (ISO 8601).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the judge returns, such as "boolean", "integer 1..5" or "categorical [Yes, No]".</summary>
    public required string ValueType { get; init; }

    /// <summary>The judge's model, or null.</summary>
    public string? Model { get; init; }

    /// <summary>Distilled guidelines in its memory.</summary>
    public int Guidelines { get; init; }

    /// <summary>Examples in its memory.</summary>
    public int Examples { get; init; }

    /// <summary>The version it was built on, or null for a first version.</summary>
    public int? BaseVersion { get; init; }

    public static JudgeVersionJson From(JudgeVersionInfo info) => new()
    {
        Name = info.Name, Version = info.Version, CreatedAt = info.CreatedAt, ValueType = info.ValueType.ToString(), Model = info.Model,
        Guidelines = info.Guidelines, Examples = info.Examples, BaseVersion = info.BaseVersion,
    };
}

/// <summary>A judge that <c>judges register</c> went through, and what became of it.</summary>
internal sealed record RegisteredJudgeJson : JudgeVersionJson
{
    [SetsRequiredMembers]
    private RegisteredJudgeJson(JudgeVersionJson version)
        : base(version)
    {
    }

    /// <summary>new, unchanged, "changed, memory kept" or "changed, memory reset".</summary>
    [JsonPropertyOrder(1)]
    public string State { get; init; } = "";

    public static RegisteredJudgeJson From(JudgeVersionInfo info, string state) => new(From(info)) { State = state };
}

/// <summary><c>memalign judges list --json</c>: the latest version of every registered judge.</summary>
/// <param name="Judges">The judges, by name.</param>
internal sealed record JudgeListResult(IReadOnlyList<JudgeVersionJson> Judges) : JsonResult;

/// <summary><c>memalign judges versions NAME --json</c>: every version of a judge.</summary>
/// <param name="Name">The judge.</param>
/// <param name="Versions">Its versions, oldest first.</param>
internal sealed record JudgeVersionsResult(string Name, IReadOnlyList<JudgeVersionJson> Versions) : JsonResult;

/// <summary><c>memalign judges register --json</c>: every judge the assembly declares.</summary>
/// <param name="Judges">Each judge's latest version after registering, with its state.</param>
internal sealed record JudgeRegisterResult(IReadOnlyList<RegisteredJudgeJson> Judges) : JsonResult;

/// <summary><c>memalign judges delete NAME --json</c>.</summary>
/// <param name="Name">The judge.</param>
/// <param name="Deleted">Versions deleted (0: none matched, exit code 1).</param>
internal sealed record JudgeDeleteResult(string Name, int Deleted) : JsonResult;

/// <summary><c>memalign judges show NAME --json</c>: a version's definition and what its memory holds.</summary>
internal sealed record JudgeShowResult : JsonResult
{
    /// <summary>The judge's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version shown.</summary>
    public required int Version { get; init; }

    /// <summary>When it was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the judge returns.</summary>
    public required string ValueType { get; init; }

    /// <summary>The judge's model, or null.</summary>
    public string? Model { get; init; }

    /// <summary>The version it was built on, or null.</summary>
    public int? BaseVersion { get; init; }

    /// <summary>The judge's instructions (its rubric), without the guidelines.</summary>
    public required string Instructions { get; init; }

    /// <summary>The distilled guidelines, each with the traces it came from.</summary>
    public required IReadOnlyList<GuidelineJson> Guidelines { get; init; }

    /// <summary>Examples in its memory.</summary>
    public int Examples { get; init; }

    /// <summary>The model that embedded the examples.</summary>
    public required string EmbeddingModel { get; init; }

    /// <summary>Examples retrieved for each verdict.</summary>
    public int RetrievalK { get; init; }

    public static JudgeShowResult From(RegisteredJudge judge) => new()
    {
        Name = judge.Info.Name, Version = judge.Info.Version, CreatedAt = judge.Info.CreatedAt, ValueType = judge.Info.ValueType.ToString(), Model = judge.Info.Model,
        BaseVersion = judge.Info.BaseVersion, Instructions = judge.Definition.Instructions,
        Guidelines = [.. judge.Memory.Guidelines.Select(g => new GuidelineJson(g.Text, g.SourceTraceIds))],
        Examples = judge.Memory.Examples.Count, EmbeddingModel = judge.Memory.EmbeddingModelId, RetrievalK = judge.Memory.RetrievalK,
    };
}

/// <summary>A distilled guideline.</summary>
/// <param name="Text">The guideline.</param>
/// <param name="Sources">The traces it was distilled from.</param>
internal sealed record GuidelineJson(string Text, IReadOnlyList<string> Sources);
