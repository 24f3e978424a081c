namespace MemAlign.Tests;

/// <summary>A line diff (longest common subsequence), as a reviewer sees a file change in a pull request: "-" and "+" lines.</summary>
internal static class LineDiff
{
    /// <summary>One changed line: '-' with its index in the old text, or '+' with its index in the new one.</summary>
    public sealed record Change(char Op, int Index, string Text)
    {
        public override string ToString() => Op + Text;
    }

    public static IReadOnlyList<Change> Compute(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var diff = new List<Change>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                diff.Add(new Change('+', y, b[y]));
                y++;
            }
            else
            {
                diff.Add(new Change('-', x, a[x]));
                x++;
            }
        }

        return diff;
    }
}
