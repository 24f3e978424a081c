namespace MemAlign;

/// <summary>A judge of any value type, for code that handles many judges at once (evaluators, registries, tools).</summary>
public interface IJudge
{
    /// <summary>What the judge is: name, rubric, value type, model.</summary>
    JudgeDefinition Definition { get; }

    /// <summary>The judge's name.</summary>
    string Name { get; }

    /// <summary>Judges one trace. Failures come back as error verdicts; only cancellation throws.</summary>
    Task<JudgeVerdict> EvaluateAsync(Trace trace, CancellationToken cancellationToken = default);
}
