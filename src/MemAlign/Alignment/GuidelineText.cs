using System.Text;

namespace MemAlign.Alignment;

/// <summary>
/// Text tests for near-duplicate guidelines that embeddings can miss: equal after normalising (case,
/// punctuation, spacing), or sharing most of their words (Jaccard overlap of word sets). Word overlap never
/// joins two texts that differ in a polarity word ("not", "true" / "false", ...), since "judged true when X"
/// and "judged false when X" share nearly every word yet say opposite things.
/// </summary>
internal static class GuidelineText
{
    private static readonly HashSet<string> Polarity = new(StringComparer.Ordinal) { "not", "no", "never", "none", "nor", "without", "true", "false", "yes", "cannot", "dont", "doesnt", "isnt", "wont" };

    /// <summary>Lower case, letters and digits only, words separated by single spaces.</summary>
    public static string Normalize(string text)
    {
        var normal = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                normal.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                continue; // "don't" and "dont" are one word
            }
            else if (normal.Length > 0 && normal[^1] != ' ')
            {
                normal.Append(' ');
            }
        }

        return normal.ToString().TrimEnd();
    }

    public static HashSet<string> Words(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Word-set overlap (0 to 1), or 0 when the texts differ in a polarity word.</summary>
    public static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        if (a.Where(w => !b.Contains(w)).Concat(b.Where(w => !a.Contains(w))).Any(Polarity.Contains))
        {
            return 0;
        }

        return shared / (double)(a.Count + b.Count - shared);
    }
}
