using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace MemAlign.Generators.Memory;

/// <summary>The kind of a JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value with where it is in the text (character offsets), which <see cref="JsonDocument"/> does not
/// keep: a memory file's problems are reported at their line. Lives only while one file is read; the
/// pipeline's models are made from it.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    /// <summary>The first character of the value (of a string, its opening quote).</summary>
    public int Start { get; }

    /// <summary>One past the value's last character.</summary>
    public int End { get; set; }

    /// <summary>A string's value, or a number's text as written.</summary>
    public string? Text { get; set; }

    /// <summary>An object's properties, in order (a repeated name: the last one counts, as in <see cref="JsonDocument"/>).</summary>
    public List<KeyValuePair<string, JsonNode>> Properties { get; } = [];

    /// <summary>An array's items.</summary>
    public List<JsonNode> Items { get; } = [];

    public JsonNode? Property(string name)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Key, name, StringComparison.Ordinal))
            {
                return Properties[i].Value;
            }
        }

        return null;
    }

    /// <summary>How the value reads in a message: a string quoted, a number as written, true, false, null, an object or array by kind.</summary>
    public string Display() => Kind switch
    {
        JsonKind.String => "\"" + Text + "\"",
        JsonKind.Number => Text!,
        JsonKind.True => "true",
        JsonKind.False => "false",
        JsonKind.Null => "null",
        JsonKind.Object => "an object",
        _ => "an array",
    };
}

/// <summary>A JSON syntax error at a character offset of the text.</summary>
internal sealed record JsonSyntaxError(int Offset, string Message);

/// <summary>
/// Reads JSON text into <see cref="JsonNode"/>s with System.Text.Json's <see cref="Utf8JsonReader"/>, the
/// reader the runtime parses memory files with, so both accept and refuse the same texts (comments and
/// trailing commas are refused, nesting is limited to the runtime's depth of 16).
/// </summary>
/// <remarks>
/// System.Text.Json is not shipped beside the generator: the package targets net10.0 only, so every build
/// that uses it runs a .NET 10 compiler, whose host already has System.Text.Json 10 loaded.
/// </remarks>
internal static class JsonTree
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The root value, or the syntax error that stops the text from being one.</summary>
    public static (JsonNode? Root, JsonSyntaxError? Error) Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var offsets = new Utf8Offsets(text);
        var reader = new Utf8JsonReader(bytes, Options);
        var open = new Stack<JsonNode>();
        string? propertyName = null;
        JsonNode? root = null;
        try
        {
            while (reader.Read())
            {
                var start = offsets.CharOffset(reader.TokenStartIndex);
                JsonNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        propertyName = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        var closed = open.Pop();
                        closed.End = offsets.CharOffset(reader.TokenStartIndex + 1);
                        continue;
                    case JsonTokenType.StartObject:
                        node = new JsonNode(JsonKind.Object, start);
                        break;
                    case JsonTokenType.StartArray:
                        node = new JsonNode(JsonKind.Array, start);
                        break;
                    case JsonTokenType.String:
                        node = new JsonNode(JsonKind.String, start) { Text = reader.GetString() };
                        break;
                    case JsonTokenType.Number:
                        node = new JsonNode(JsonKind.Number, start) { Text = Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) };
                        break;
                    case JsonTokenType.True:
                        node = new JsonNode(JsonKind.True, start);
                        break;
                    case JsonTokenType.False:
                        node = new JsonNode(JsonKind.False, start);
                        break;
                    case JsonTokenType.Null:
                        node = new JsonNode(JsonKind.Null, start);
                        break;
                    default:
                        continue;
                }

                if (node.Kind is not (JsonKind.Object or JsonKind.Array))
                {
                    node.End = offsets.CharOffset(reader.BytesConsumed);
                }

                if (open.Count == 0)
                {
                    root = node;
                }
                else if (open.Peek().Kind == JsonKind.Object)
                {
                    open.Peek().Properties.Add(new KeyValuePair<string, JsonNode>(propertyName!, node));
                }
                else
                {
                    open.Peek().Items.Add(node);
                }

                if (node.Kind is JsonKind.Object or JsonKind.Array)
                {
                    open.Push(node);
                }
            }
        }
        catch (JsonException e)
        {
            // The reader counts lines (from 0) and bytes within the line; people count characters.
            var lineStart = LineStartByte(bytes, e.LineNumber ?? 0);
            var offset = offsets.CharOffset(Math.Min(bytes.Length, lineStart + (e.BytePositionInLine ?? 0)));
            return (null, new JsonSyntaxError(offset, Plain(e.Message)));
        }

        return root is null ? (null, new JsonSyntaxError(0, "the file holds no JSON value.")) : (root, null);
    }

    private static long LineStartByte(byte[] bytes, long line)
    {
        long start = 0;
        for (long seen = 0; seen < line && start < bytes.Length; start++)
        {
            if (bytes[start] == (byte)'\n')
            {
                seen++;
            }
        }

        return start;
    }

    // The reader's message repeats the position ("LineNumber: 3 | BytePositionInLine: 7."): the diagnostic gives it once.
    private static string Plain(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var plain = (cut >= 0 ? message.Substring(0, cut) : message).Trim();
        return plain.Length > 0 && char.IsUpper(plain[0]) ? char.ToLowerInvariant(plain[0]) + plain.Substring(1) : plain;
    }

    /// <summary>Turns UTF-8 byte offsets into character offsets; offsets asked for in increasing order cost one pass in all.</summary>
    private sealed class Utf8Offsets(string text)
    {
        private long _byte;
        private int _char;

        public int CharOffset(long byteOffset)
        {
            if (byteOffset < _byte)
            {
                _byte = 0;
                _char = 0;
            }

            while (_byte < byteOffset && _char < text.Length)
            {
                var c = text[_char];
                if (char.IsHighSurrogate(c) && _char + 1 < text.Length && char.IsLowSurrogate(text[_char + 1]))
                {
                    _byte += 4;
                    _char += 2;
                }
                else
                {
                    _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                    _char++;
                }
            }

            return _char;
        }
    }
}
