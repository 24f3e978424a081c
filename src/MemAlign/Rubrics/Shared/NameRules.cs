using System;
using System.Collections.Generic;
using System.Text;

namespace MemAlign.Rubrics;

/// <summary>Judge and label-schema naming (MAJ009) and "did you mean" suggestions.</summary>
internal static class NameRules
{
    /// <summary>Whether <paramref name="name"/> is lower_snake_case: a lowercase letter, then lowercase letters, digits and single underscores.</summary>
    public static bool IsSnakeCase(string name)
    {
        if (name.Length == 0 || name[0] < 'a' || name[0] > 'z' || name[name.Length - 1] == '_')
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '_' && name[i - 1] != '_');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lower_snake_case form of a name: "ProductQuality" and "product-quality" become "product_quality".</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                var startsWord = char.IsUpper(c) && i > 0
                    && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (startsWord)
                {
                    Separate(builder);
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Separate(builder);
            }
        }

        while (builder.Length > 0 && builder[builder.Length - 1] == '_')
        {
            builder.Length--;
        }

        while (builder.Length > 0 && (builder[0] == '_' || char.IsDigit(builder[0])))
        {
            builder.Remove(0, 1);
        }

        return builder.Length == 0 ? "judge" : builder.ToString();
    }

    /// <summary>
    /// The candidate closest to <paramref name="name"/> by edit distance (ignoring case), or
    /// <see langword="null"/> when none is close enough to be a plausible typo.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, Math.Max(name.Length, best.Length) / 3) ? best : null;
    }

    private static void Separate(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[builder.Length - 1] != '_')
        {
            builder.Append('_');
        }
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
