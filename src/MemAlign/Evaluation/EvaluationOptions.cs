using MemAlign.Storage;

namespace MemAlign.Evaluation;

/// <summary>How an evaluation runs: concurrency, where results go, and which run to resume.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Judge calls in flight at once (default 8).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Where runs and results are saved as they finish; without a store they are only returned.</summary>
    public IEvaluationStore? Store { get; init; }

    /// <summary>The experiment the run belongs to.</summary>
    public string Experiment { get; init; } = IMemAlignStore.DefaultExperiment;

    /// <summary>A name for the run.</summary>
    public string RunName { get; init; } = "evaluation";

    /// <summary>
    /// The registered version of the one judge evaluated, recorded with a new run (<see cref="EvaluationRun.JudgeVersion"/>)
    /// for whoever resumes or reports it.
    /// </summary>
    public int? JudgeVersion { get; init; }

    /// <summary>Your own extras to record with a new run (<see cref="EvaluationRun.Settings"/>).</summary>
    public IReadOnlyDictionary<string, string> RunSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>An earlier run to continue: its saved results are kept and their calls not repeated. Needs <see cref="Store"/>.</summary>
    public string? ResumeRunId { get; init; }

    /// <summary>When resuming, call the judge again for results that were errors (default: keep them).</summary>
    public bool RetryErrors { get; init; }

    /// <summary>Keep every result in memory and return it (default). Turn off for very large runs: results then go only to the store.</summary>
    public bool KeepResults { get; init; } = true;

    /// <summary>The clock for the run's elapsed time; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = SystemClock.Default;

    internal void Validate()
    {
        if (MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, $"{nameof(EvaluationOptions)}.{nameof(MaxConcurrency)} must be at least 1.");
        }

        if (ResumeRunId is not null && Store is null)
        {
            throw new ArgumentException($"{nameof(EvaluationOptions)}.{nameof(ResumeRunId)} needs a {nameof(Store)} to resume from.", nameof(ResumeRunId));
        }
    }
}

/// <summary>Where an evaluation is.</summary>
/// <param name="Completed">Results finished in this run (values and errors).</param>
/// <param name="Errors">Of those, errors.</param>
/// <param name="Resumed">Results kept from the run being resumed.</param>
/// <param name="Last">The result that just finished.</param>
public sealed record EvaluationProgress(int Completed, int Errors, int Resumed, EvaluationRecord? Last);
