namespace MemAlign;

/// <summary>What a pairwise judge reports when its answers with the candidates in both orders differ (<see cref="JudgeOptions.WhenInconsistent"/>).</summary>
public enum PairwiseInconsistency
{
    /// <summary>A tie (<see cref="Preference.Tie"/>): no winner unless both orders agree. The default.</summary>
    Tie,

    /// <summary>The value <see cref="Preference.Inconsistent"/>, which agrees with no human label.</summary>
    Inconsistent,
}
