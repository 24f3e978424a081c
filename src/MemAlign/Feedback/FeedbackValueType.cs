using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MemAlign;

/// <summary>
/// What values a judge may return or a label schema may collect: a boolean, a whole or real number
/// on an explicit scale, one of a fixed list of options, or free text. Immutable; compared by value.
/// </summary>
public sealed class FeedbackValueType : IEquatable<FeedbackValueType>
{
    private static readonly string[] TrueWords = ["true", "yes", "pass", "passed", "y"];
    private static readonly string[] FalseWords = ["false", "no", "fail", "failed", "n"];

    private static readonly string[] PreferenceOptions = [nameof(MemAlign.Preference.A), nameof(MemAlign.Preference.B), nameof(MemAlign.Preference.Tie)];

    private readonly string[] _options;

    private FeedbackValueType(FeedbackTypeKind kind, double? minimum, double? maximum, string[] options, Type? enumType, double? notApplicable = null)
    {
        Kind = kind;
        Minimum = minimum;
        Maximum = maximum;
        _options = options;
        EnumType = enumType;
        NotApplicable = notApplicable;
    }

    /// <summary>The kind of value.</summary>
    public FeedbackTypeKind Kind { get; }

    /// <summary>The lowest value on the scale, for <see cref="FeedbackTypeKind.Integer"/> and <see cref="FeedbackTypeKind.Number"/>.</summary>
    public double? Minimum { get; }

    /// <summary>The highest value on the scale, for <see cref="FeedbackTypeKind.Integer"/> and <see cref="FeedbackTypeKind.Number"/>.</summary>
    public double? Maximum { get; }

    /// <summary>
    /// The value outside the scale that means "does not apply" (such as 0 on a 1-3 scale), for numeric types that
    /// declare one; <see langword="null"/> otherwise. Judges may answer it and labels may carry it; statistics report
    /// applicability apart from the error on the scale.
    /// </summary>
    public double? NotApplicable { get; }

    /// <summary>The allowed options, in declaration order, for <see cref="FeedbackTypeKind.Categorical"/>; empty otherwise.</summary>
    public IReadOnlyList<string> Options => _options;

    /// <summary>The C# enum the options come from, when the type was made from one.</summary>
    public Type? EnumType { get; }

    /// <summary>Pass/fail.</summary>
    public static FeedbackValueType Boolean { get; } = new(FeedbackTypeKind.Boolean, null, null, [], null);

    /// <summary>
    /// A pairwise preference: <c>"A"</c>, <c>"B"</c> or <c>"Tie"</c> (<see cref="MemAlign.Preference"/>), the type of a
    /// pairwise judge and of the human preferences it aligns to. A categorical type with exactly these options (in any
    /// order and case) is one too (<see cref="IsPreference"/>), so it survives a store or a catalog as it is.
    /// </summary>
    public static FeedbackValueType Preference { get; } = new(FeedbackTypeKind.Categorical, null, null, [.. PreferenceOptions], typeof(MemAlign.Preference));

    /// <summary>Whether this is the pairwise preference type (<see cref="Preference"/>): categorical with exactly the options A, B and Tie.</summary>
    public bool IsPreference => Kind == FeedbackTypeKind.Categorical && _options.Length == PreferenceOptions.Length
        && PreferenceOptions.All(o => _options.Contains(o, StringComparer.OrdinalIgnoreCase));

    /// <summary>Free text.</summary>
    public static FeedbackValueType Text { get; } = new(FeedbackTypeKind.Text, null, null, [], null);

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/> inclusive.</summary>
    /// <exception cref="ArgumentException">The scale is empty or reversed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "'Integer' is the domain term for a whole-number scale.")]
    public static FeedbackValueType Integer(int minimum, int maximum)
    {
        EnsureScale(minimum, maximum);
        return new(FeedbackTypeKind.Integer, minimum, maximum, [], null);
    }

    /// <summary>A real number from <paramref name="minimum"/> to <paramref name="maximum"/> inclusive.</summary>
    /// <exception cref="ArgumentException">The scale is empty, reversed or not finite.</exception>
    public static FeedbackValueType Number(double minimum, double maximum)
    {
        EnsureScale(minimum, maximum);
        return new(FeedbackTypeKind.Number, minimum, maximum, [], null);
    }

    /// <summary>
    /// The same numeric scale with a value that means "does not apply", such as <c>Integer(1, 3).WithNotApplicable(0)</c>.
    /// </summary>
    /// <param name="value">The value; outside the scale (so it cannot be mistaken for a rating), finite, and whole for an integer scale.</param>
    /// <exception cref="InvalidOperationException">The type is not numeric.</exception>
    /// <exception cref="ArgumentException">The value is on the scale, not finite, or not whole for an integer scale.</exception>
    public FeedbackValueType WithNotApplicable(double value)
    {
        if (Kind is not (FeedbackTypeKind.Integer or FeedbackTypeKind.Number))
        {
            throw new InvalidOperationException($"Only a numeric scale can have a 'not applicable' value; this type is {this}.");
        }

        if (NotApplicableRule.Problem(Kind, Minimum!.Value, Maximum!.Value, value) is { } problem)
        {
            throw new ArgumentException($"The scale {this}: {problem}.", nameof(value));
        }

        return new(Kind, Minimum, Maximum, _options, EnumType, value);
    }

    /// <summary>The same numeric scale without a "not applicable" value.</summary>
    public FeedbackValueType WithoutNotApplicable() => NotApplicable is null ? this : new(Kind, Minimum, Maximum, _options, EnumType);

    /// <summary>Whether <paramref name="value"/> is this type's declared "not applicable" value.</summary>
    public bool IsNotApplicable(FeedbackValue? value) =>
        NotApplicable is { } na && value is { Kind: FeedbackValueKind.Number } && value.AsNumber() == na;

    /// <summary>One of the given options (matched case-insensitively, reported as declared).</summary>
    /// <exception cref="ArgumentException">There are no options, or one is blank or repeated.</exception>
    public static FeedbackValueType Categorical(params IEnumerable<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var list = options.ToArray();
        EnsureOptions(list, "A categorical feedback type");
        return new(FeedbackTypeKind.Categorical, null, null, list, null);
    }

    /// <summary>One of the members of <typeparamref name="TEnum"/>.</summary>
    public static FeedbackValueType Enum<TEnum>() where TEnum : struct, Enum => Enum(typeof(TEnum));

    /// <summary>One of the members of <paramref name="enumType"/> (for <see cref="MemAlign.Preference"/>, <see cref="Preference"/>: A, B or Tie).</summary>
    /// <exception cref="ArgumentException">The type is not an enum, or has no members.</exception>
    public static FeedbackValueType Enum(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        if (!enumType.IsEnum)
        {
            throw new ArgumentException($"{enumType.FullName} is not an enum type.", nameof(enumType));
        }

        if (enumType == typeof(MemAlign.Preference))
        {
            // Inconsistent is a judge's report on its two answers, never an answer: models and reviewers choose A, B or Tie.
            return Preference;
        }

        var names = System.Enum.GetNames(enumType);
        EnsureOptions(names, $"The enum {enumType.Name}");
        return new(FeedbackTypeKind.Categorical, null, null, names, enumType);
    }

    /// <summary>
    /// The feedback type that matches the C# type <paramref name="valueType"/>: <see cref="bool"/>,
    /// <see cref="int"/> or <see cref="double"/> (which need a scale), an enum, or <see cref="string"/>
    /// (free text unless <paramref name="options"/> are given).
    /// </summary>
    /// <exception cref="ArgumentException">The type is not supported, or a numeric type has no scale.</exception>
    public static FeedbackValueType ForClrType(Type valueType, double? minimum = null, double? maximum = null, IEnumerable<string>? options = null)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        if (valueType == typeof(bool))
        {
            return Boolean;
        }

        if (valueType.IsEnum)
        {
            return Enum(valueType);
        }

        if (valueType == typeof(string))
        {
            return options is null ? Text : Categorical(options);
        }

        if (valueType == typeof(int) || valueType == typeof(double))
        {
            if (minimum is not { } min || maximum is not { } max)
            {
                throw new ArgumentException($"A {valueType.Name} feedback type needs a scale (minimum and maximum).", nameof(minimum));
            }

            return valueType == typeof(int) ? Integer(checked((int)min), checked((int)max)) : Number(min, max);
        }

        throw new ArgumentException(
            $"{valueType.FullName} is not a supported feedback type; use bool, int, double, string or an enum.", nameof(valueType));
    }

    /// <summary>Whether a value of C# type <paramref name="valueType"/> can carry values of this feedback type.</summary>
    public bool IsRepresentableAs(Type valueType)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        return Kind switch
        {
            FeedbackTypeKind.Boolean => valueType == typeof(bool),
            FeedbackTypeKind.Integer => valueType == typeof(int),
            FeedbackTypeKind.Number => valueType == typeof(double),
            FeedbackTypeKind.Categorical => valueType == typeof(string) || (valueType.IsEnum && (EnumType is null || EnumType == valueType)),
            _ => valueType == typeof(string),
        };
    }

    /// <summary>How the allowed values read in a prompt or an error message.</summary>
    public string Describe() => Kind switch
    {
        FeedbackTypeKind.Boolean => "true or false",
        FeedbackTypeKind.Integer => $"a whole number from {Format(Minimum!.Value)} to {Format(Maximum!.Value)}{DescribeNotApplicable()}",
        FeedbackTypeKind.Number => $"a number from {Format(Minimum!.Value)} to {Format(Maximum!.Value)}{DescribeNotApplicable()}",
        FeedbackTypeKind.Categorical => "one of " + string.Join(", ", _options.Select(o => $"\"{o}\"")),
        _ => "a text",
    };

    /// <summary>
    /// Checks that <paramref name="raw"/> is a value this type allows and gives it in canonical form,
    /// reading unambiguous spellings leniently ("yes" for true, "4" for 4, an option in any case) and
    /// range and options strictly.
    /// </summary>
    /// <param name="raw">The value as given (by a reviewer, a file or a model).</param>
    /// <param name="value">The canonical value, when it is allowed.</param>
    /// <param name="error">Why it is not allowed: a short reason that starts with punctuation, so it can follow a sentence (": expected a number.").</param>
    /// <returns>Whether the value is allowed.</returns>
    public bool TryNormalize(FeedbackValue raw, [NotNullWhen(true)] out FeedbackValue? value, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        error = Normalize(raw, out value);
        return error is null;
    }

    // Returns null and the canonical value when allowed; otherwise the reason and no value.
    private string? Normalize(FeedbackValue raw, out FeedbackValue? value)
    {
        value = null;
        switch (Kind)
        {
            case FeedbackTypeKind.Boolean:
                if (raw.Kind == FeedbackValueKind.Boolean)
                {
                    value = raw;
                    return null;
                }

                if (raw.Kind == FeedbackValueKind.Text)
                {
                    var word = raw.AsText().Trim();
                    if (TrueWords.Contains(word, StringComparer.OrdinalIgnoreCase) || FalseWords.Contains(word, StringComparer.OrdinalIgnoreCase))
                    {
                        value = FeedbackValue.FromBoolean(TrueWords.Contains(word, StringComparer.OrdinalIgnoreCase));
                        return null;
                    }
                }

                return ": expected true or false.";

            case FeedbackTypeKind.Integer or FeedbackTypeKind.Number:
                double number;
                if (raw.Kind == FeedbackValueKind.Number)
                {
                    number = raw.AsNumber();
                }
                else if (raw.Kind != FeedbackValueKind.Text
                    || !double.TryParse(raw.AsText().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                    || !double.IsFinite(number))
                {
                    return ": expected a number.";
                }

                if (Kind == FeedbackTypeKind.Integer && number != Math.Floor(number))
                {
                    return ": expected a whole number.";
                }

                if (number == NotApplicable)
                {
                    value = FeedbackValue.FromNumber(number);
                    return null;
                }

                if (number < Minimum || number > Maximum)
                {
                    return NotApplicable is { } na
                        ? $": {Format(number)} is outside the scale {Format(Minimum!.Value)}..{Format(Maximum!.Value)} and is not its 'not applicable' value {Format(na)}."
                        : $": {Format(number)} is outside the scale {Format(Minimum!.Value)}..{Format(Maximum!.Value)}.";
                }

                value = FeedbackValue.FromNumber(number);
                return null;

            case FeedbackTypeKind.Categorical:
                if (raw.Kind == FeedbackValueKind.Text)
                {
                    var text = raw.AsText().Trim();
                    var match = Array.Find(_options, o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase));
                    if (match is not null)
                    {
                        value = FeedbackValue.FromText(match);
                        return null;
                    }
                }

                return ": it is not one of the options.";

            default:
                value = raw.Kind == FeedbackValueKind.Text ? raw : FeedbackValue.FromText(raw.ToString());
                return null;
        }
    }

    /// <inheritdoc />
    public bool Equals(FeedbackValueType? other) =>
        other is not null && Kind == other.Kind && Minimum == other.Minimum && Maximum == other.Maximum && NotApplicable == other.NotApplicable
        && _options.AsSpan().SequenceEqual(other._options);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FeedbackValueType);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Minimum);
        hash.Add(Maximum);
        hash.Add(NotApplicable);
        foreach (var option in _options)
        {
            hash.Add(option, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>A short description, such as <c>integer 1..5</c> or <c>categorical (Good, Bad)</c>.</summary>
    public override string ToString() => Kind switch
    {
        FeedbackTypeKind.Integer or FeedbackTypeKind.Number =>
            $"{Kind.ToString().ToLowerInvariant()} {Format(Minimum!.Value)}..{Format(Maximum!.Value)}" + (NotApplicable is { } na ? $" (not applicable {Format(na)})" : ""),
        FeedbackTypeKind.Categorical => $"categorical ({string.Join(", ", _options)})",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    private static void EnsureScale(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum))
        {
            throw new ArgumentException("A scale's minimum and maximum must be finite numbers.", nameof(minimum));
        }

        if (minimum >= maximum)
        {
            throw new ArgumentException(
                $"A scale's minimum must be below its maximum, but the scale was {Format(minimum)}..{Format(maximum)}.", nameof(minimum));
        }
    }

    private static void EnsureOptions(string[] options, string what)
    {
        if (options.Length == 0)
        {
            throw new ArgumentException($"{what} needs at least one option.", nameof(options));
        }

        if (Array.Find(options, string.IsNullOrWhiteSpace) is { } blank)
        {
            throw new ArgumentException($"{what} has a blank option.", nameof(options));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options)
        {
            if (!seen.Add(option))
            {
                throw new ArgumentException($"{what} lists the option \"{option}\" twice (options are matched case-insensitively).", nameof(options));
            }
        }
    }

    private string DescribeNotApplicable() =>
        NotApplicable is { } na ? $", or {Format(na)} when the question does not apply to this case" : "";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

}
