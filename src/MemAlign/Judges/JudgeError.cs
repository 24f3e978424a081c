namespace MemAlign;

/// <summary>Why a verdict has no value; the message names the judge and the trace.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">What happened and what to do about it.</param>
public sealed record JudgeError(JudgeErrorKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}
