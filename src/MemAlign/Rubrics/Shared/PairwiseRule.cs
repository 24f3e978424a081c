using System.Collections.Generic;
using System.Linq;

namespace MemAlign.Rubrics;

/// <summary>
/// MAJ016: a pairwise judge (values A, B or Tie) compares the two candidates of a pairwise trace, which are its outputs
/// (<c>{"a": ..., "b": ...}</c>), so its rubric must show them. Compiled into the runtime (<c>JudgeDefinition.Create</c>) and
/// the generator, so what builds is what runs.
/// </summary>
internal static class PairwiseRule
{
    /// <summary>The C# enum whose judges are pairwise, as the generator names it.</summary>
    public const string PreferenceType = "global::MemAlign.Preference";

    /// <summary>The options of a pairwise judge: its enum's members without <c>Inconsistent</c>, which only a judge reports.</summary>
    public static readonly string[] Options = ["A", "B", "Tie"];

    /// <summary>Why a pairwise judge's rubric with these variables cannot judge pairs, or <see langword="null"/> when it can.</summary>
    public static string? Problem(IEnumerable<string> variables) => variables.Contains("outputs")
        ? null
        : "a pairwise judge (values A, B or Tie) compares the two candidates of a pairwise trace, which are its outputs ({\"a\": ..., \"b\": ...}); "
          + "show them in the rubric with {{ outputs }} (or {{ outputs.a }} and {{ outputs.b }})";
}
