namespace MemAlign;

/// <summary>
/// A pairwise judgement: which of two candidate outputs is better, <see cref="A"/> or <see cref="B"/>, or neither
/// (<see cref="Tie"/>). Humans and models answer A, B or Tie (<see cref="FeedbackValueType.Preference"/>); a pairwise
/// judge that asked in both orders and got two different answers reports <see cref="Tie"/>, or <see cref="Inconsistent"/>
/// when its options say so (<see cref="JudgeOptions.WhenInconsistent"/>).
/// </summary>
public enum Preference
{
    /// <summary>The first candidate in canonical order (the trace's <c>outputs.a</c>) is better.</summary>
    A,

    /// <summary>The second candidate in canonical order (the trace's <c>outputs.b</c>) is better.</summary>
    B,

    /// <summary>Neither is better.</summary>
    Tie,

    /// <summary>
    /// Only a judge gives it, never a human or a model: its answers in the two orders differed and its options ask to
    /// say so (<see cref="PairwiseInconsistency.Inconsistent"/>) rather than count it as a tie.
    /// </summary>
    Inconsistent,
}
