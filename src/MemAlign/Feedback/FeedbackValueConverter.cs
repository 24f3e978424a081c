namespace MemAlign;

/// <summary>Converts between a judge's C# value type (<c>bool</c>, <c>int</c>, <c>double</c>, <c>string</c>, an enum) and <see cref="FeedbackValue"/>.</summary>
internal static class FeedbackValueConverter<T>
{
    public static bool IsSupported { get; } =
        typeof(T) == typeof(bool) || typeof(T) == typeof(int) || typeof(T) == typeof(double) || typeof(T) == typeof(string) || typeof(T).IsEnum;

    public static T ToValue(FeedbackValue value)
    {
        var boxed = typeof(T) switch
        {
            var t when t == typeof(bool) => value.AsBoolean(),
            var t when t == typeof(int) => checked((int)value.AsNumber()),
            var t when t == typeof(double) => value.AsNumber(),
            var t when t == typeof(string) => value.AsText(),
            var t when t.IsEnum => Enum.Parse(t, value.AsText(), ignoreCase: true),
            _ => throw Unsupported(),
        };
        return (T)boxed;
    }

    public static FeedbackValue FromValue(T value) => value switch
    {
        bool b => FeedbackValue.FromBoolean(b),
        int i => FeedbackValue.FromNumber(i),
        double d => FeedbackValue.FromNumber(d),
        string s => FeedbackValue.FromText(s),
        Enum e => FeedbackValue.FromText(e.ToString()),
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw Unsupported(),
    };

    public static InvalidOperationException Unsupported() =>
        new($"{typeof(T).Name} is not a supported judge value type; use bool, int, double, string or an enum.");
}
