namespace MemAlign;

/// <summary>Why a judge produced no value for a trace.</summary>
public enum JudgeErrorKind
{
    /// <summary>The model could not be reached or kept failing (after transient retries).</summary>
    ModelFailure,

    /// <summary>The model's replies stayed unusable (not JSON, a value outside the scale, ...) after the allowed retries.</summary>
    InvalidReply,

    /// <summary>The trace lacks a field the rubric uses.</summary>
    MissingVariable,

    /// <summary>The rubric failed while rendering (for example a loop limit).</summary>
    RenderFailure,

    /// <summary>The judge has nothing to judge with (for example a local judge with empty memory).</summary>
    NotReady,

    /// <summary>
    /// The model reached its output budget before answering: an empty or cut-off reply (finish reason <c>length</c>), as a
    /// reasoning model gives when its hidden reasoning takes the whole budget. Raise <see cref="JudgeOptions.MaxOutputTokens"/>
    /// or set <see cref="JudgeOptions.MaxOutputTokensOnTruncation"/>.
    /// </summary>
    OutputLimit,
}
