using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemAlign;

/// <summary>
/// One feedback value, from a human or a judge: a boolean, a number or a text. Immutable and
/// compared by value (numbers by their exact double value, text ordinally).
/// </summary>
[JsonConverter(typeof(FeedbackValueJsonConverter))]
public sealed class FeedbackValue : IEquatable<FeedbackValue>
{
    private readonly bool _boolean;
    private readonly double _number;
    private readonly string? _text;

    private FeedbackValue(FeedbackValueKind kind, bool boolean, double number, string? text)
    {
        Kind = kind;
        _boolean = boolean;
        _number = number;
        _text = text;
    }

    /// <summary>What kind of value this is.</summary>
    public FeedbackValueKind Kind { get; }

    /// <summary>Creates a boolean value.</summary>
    public static FeedbackValue FromBoolean(bool value) => new(FeedbackValueKind.Boolean, value, 0, null);

    /// <summary>Creates a numeric value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or infinite.</exception>
    public static FeedbackValue FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A feedback number must be finite.");
        }

        return new(FeedbackValueKind.Number, false, value, null);
    }

    /// <summary>Creates a text value (a categorical option or free text).</summary>
    public static FeedbackValue FromText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(FeedbackValueKind.Text, false, 0, value);
    }

    /// <summary>Converts a boolean.</summary>
    public static implicit operator FeedbackValue(bool value) => FromBoolean(value);

    /// <summary>Converts a number.</summary>
    public static implicit operator FeedbackValue(double value) => FromNumber(value);

    /// <summary>Converts a text.</summary>
    public static implicit operator FeedbackValue(string value) => FromText(value);

    /// <summary>The boolean value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean() => Kind == FeedbackValueKind.Boolean ? _boolean : throw WrongKind(FeedbackValueKind.Boolean);

    /// <summary>The numeric value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsNumber() => Kind == FeedbackValueKind.Number ? _number : throw WrongKind(FeedbackValueKind.Number);

    /// <summary>The text value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a text.</exception>
    public string AsText() => Kind == FeedbackValueKind.Text ? _text! : throw WrongKind(FeedbackValueKind.Text);

    /// <summary>Reads a value from JSON: <c>true</c>/<c>false</c>, a number, or a string.</summary>
    /// <exception cref="FormatException">The element is null, an object or an array.</exception>
    public static FeedbackValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => FromBoolean(true),
        JsonValueKind.False => FromBoolean(false),
        JsonValueKind.Number => element.GetDouble() is var number && double.IsFinite(number)
            ? FromNumber(number)
            : throw new FormatException($"A feedback value must be a finite number, but {element.GetRawText()} is too large for one."),
        JsonValueKind.String => FromText(element.GetString()!),
        _ => throw new FormatException(
            $"A feedback value must be a boolean, a number or a string, not {element.ValueKind.ToString().ToLowerInvariant()}: {element.GetRawText()}"),
    };

    /// <summary>Writes this value as a JSON boolean, number or string.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case FeedbackValueKind.Boolean: writer.WriteBooleanValue(_boolean); break;
            case FeedbackValueKind.Number: writer.WriteNumberValue(_number); break;
            default: writer.WriteStringValue(_text); break;
        }
    }

    /// <inheritdoc />
    public bool Equals(FeedbackValue? other) =>
        other is not null && Kind == other.Kind && Kind switch
        {
            FeedbackValueKind.Boolean => _boolean == other._boolean,
            FeedbackValueKind.Number => _number.Equals(other._number),
            _ => string.Equals(_text, other._text, StringComparison.Ordinal),
        };

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FeedbackValue);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        FeedbackValueKind.Boolean => HashCode.Combine(Kind, _boolean),
        FeedbackValueKind.Number => HashCode.Combine(Kind, _number),
        _ => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_text!)),
    };

    /// <summary>Compares two values by value.</summary>
    public static bool operator ==(FeedbackValue? left, FeedbackValue? right) => Equals(left, right);

    /// <summary>Compares two values by value.</summary>
    public static bool operator !=(FeedbackValue? left, FeedbackValue? right) => !Equals(left, right);

    /// <summary>The value as it reads in a prompt or a report: <c>true</c>, <c>3</c>, <c>Good</c>.</summary>
    public override string ToString() => Kind switch
    {
        FeedbackValueKind.Boolean => _boolean ? "true" : "false",
        FeedbackValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        _ => _text!,
    };

    private InvalidOperationException WrongKind(FeedbackValueKind requested) =>
        new($"This feedback value is a {Kind.ToString().ToLowerInvariant()} ({this}), not a {requested.ToString().ToLowerInvariant()}.");
}

/// <summary>Reads and writes <see cref="FeedbackValue"/> as a plain JSON boolean, number or string.</summary>
internal sealed class FeedbackValueJsonConverter : JsonConverter<FeedbackValue>
{
    public override FeedbackValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return FeedbackValue.FromJson(document.RootElement);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, FeedbackValue value, JsonSerializerOptions options) => value.WriteTo(writer);
}
