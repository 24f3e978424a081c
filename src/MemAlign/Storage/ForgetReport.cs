namespace MemAlign.Storage;

/// <summary>What <see cref="IForgetting.ForgetAsync"/> removed.</summary>
public sealed record ForgetReport
{
    /// <summary>Traces removed.</summary>
    public int Traces { get; init; }

    /// <summary>Assessments removed.</summary>
    public int Assessments { get; init; }

    /// <summary>Episodic examples removed, across every judge version.</summary>
    public int Examples { get; init; }

    /// <summary>Guideline sources removed, across every judge version.</summary>
    public int GuidelineSources { get; init; }

    /// <summary>Guidelines dropped because no source was left.</summary>
    public int GuidelinesDropped { get; init; }

    /// <summary>Evaluation results removed.</summary>
    public int EvaluationResults { get; init; }
}
