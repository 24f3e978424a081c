using System.Text.Json;

namespace MemAlign.Alignment;

/// <summary>
/// Where a value sits in a JSON text, as a line and column: <see cref="JsonDocument"/> keeps no positions,
/// so an error found after parsing is located by reading the text again up to the value's path. Only
/// errors pay for it.
/// </summary>
internal static class JsonPosition
{
    /// <summary>
    /// The 1-based line and column of the value at <paramref name="path"/> (property names and array
    /// indexes from the root), or of the deepest part of it that exists; (1, 1) for the root.
    /// </summary>
    public static (int Line, int Column) Locate(ReadOnlySpan<byte> utf8, IReadOnlyList<object> path)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var frames = new List<Frame>();
        long best = 0;
        var bestLength = -1;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    frames[^1].Property = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }

                if (frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1].Index++;
                }

                // This value's path is the open containers' keys; keep the deepest one on the way to the target.
                if (Matched(frames, path) == frames.Count && frames.Count > bestLength)
                {
                    best = reader.TokenStartIndex;
                    bestLength = frames.Count;
                    if (frames.Count == path.Count)
                    {
                        break;
                    }
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
                }
            }
        }
        catch (JsonException)
        {
            // The text breaks off: the deepest part found is the best answer.
        }

        return LineAndColumn(utf8, best);
    }

    /// <summary>The 1-based line and column of the byte at <paramref name="offset"/>, columns counted in characters.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, long offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    // How many leading parts of the path the open containers' current keys match.
    private static int Matched(List<Frame> frames, IReadOnlyList<object> path)
    {
        var n = 0;
        while (n < frames.Count && n < path.Count && frames[n].Key(path[n]))
        {
            n++;
        }

        return n;
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        public int Index { get; set; } = -1;

        public string? Property { get; set; }

        public bool Key(object part) => IsArray ? part is int i && i == Index : part is string s && s == Property;
    }
}
