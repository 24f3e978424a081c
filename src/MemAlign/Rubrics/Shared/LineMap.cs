using System.Collections.Generic;

namespace MemAlign.Rubrics;

/// <summary>Turns offsets in a text into one-based line and column numbers.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public RubricFinding Finding(string ruleId, string message, int offset, int length, string? suggestion = null)
    {
        var (line, column) = Position(offset);
        return new RubricFinding(ruleId, message, offset, length, line, column, suggestion);
    }
}
