namespace MemAlign.Evaluation;

/// <summary>What a stored run holds.</summary>
public enum EvaluationRunKind
{
    /// <summary>Judges' results per trace (<see cref="Evaluator"/>, <c>memalign evaluate</c>).</summary>
    Evaluation,

    /// <summary>An experiment's report (<c>memalign experiment</c>), read with <see cref="Storage.IEvaluationStore.GetExperimentReportAsync"/>.</summary>
    Experiment,
}
