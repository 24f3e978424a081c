using System.Globalization;

namespace MemAlign.Evaluation;

/// <summary>
/// Ratings of items (traces) by several raters, for inter-rater (human-human) agreement: an items x raters table
/// in which any rating may be missing. Built from (item, rater, value) triples; immutable once built.
/// </summary>
/// <remarks>
/// <para>
/// Values are either categories (text: a pass/fail verdict as "true"/"false", or an option) or numbers (ordinal or
/// interval scores such as a 1-5 Likert rating). Each distinct value is a category; a numeric table also keeps the
/// numbers, so interval statistics can use distances between them.
/// </para>
/// <para>
/// Ordering is deterministic and does not depend on the order of the triples: items and raters are sorted by
/// <see cref="StringComparer.Ordinal"/>; numeric categories ascend; text categories follow the order given, or
/// else "true", "false", then the rest sorted ordinally (as <see cref="CategoricalAgreement"/> orders them).
/// Bootstrap resamples draw items by their position here, so a seed gives the same interval whatever the input order.
/// </para>
/// <para>
/// A missing rating is an absent triple or one whose value is <see langword="null"/>; such a triple still makes its
/// item and rater part of the table. A rater rating the same item twice is an error.
/// </para>
/// </remarks>
internal sealed class RatingTable
{
    private readonly int[][] _cells;
    private readonly string[] _items;
    private readonly string[] _raters;
    private readonly string[] _categories;
    private readonly double[]? _numbers;

    private RatingTable(string[] items, string[] raters, string[] categories, double[]? numbers, bool isOrdered, int[][] cells)
    {
        _items = items;
        _raters = raters;
        _categories = categories;
        _numbers = numbers;
        _cells = cells;
        IsOrdered = isOrdered;
        Count = cells.Sum(row => row.Count(c => c >= 0));
    }

    /// <summary>The items (traces), sorted ordinally.</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>The raters, sorted ordinally.</summary>
    public IReadOnlyList<string> Raters => _raters;

    /// <summary>
    /// The distinct values, in order: ascending for a numeric table (each formatted with the invariant culture),
    /// otherwise the order given when the table was built (including declared categories nobody used), else "true",
    /// "false", then the rest sorted ordinally.
    /// </summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>For a numeric table, the numbers of <see cref="Categories"/>, ascending; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<double>? Values => _numbers;

    /// <summary>Whether the values are numbers (so Krippendorff's interval alpha applies).</summary>
    public bool IsNumeric => _numbers is not null;

    /// <summary>
    /// Whether the categories have a meaningful order (so Krippendorff's ordinal alpha applies): always for a numeric
    /// table; for a categorical one, only when an order was given.
    /// </summary>
    public bool IsOrdered { get; }

    /// <summary>The number of ratings present.</summary>
    public int Count { get; }

    /// <summary>The rating of item <paramref name="item"/> by rater <paramref name="rater"/> (indices into <see cref="Items"/> and <see cref="Raters"/>), or <see langword="null"/> when missing.</summary>
    public string? Category(int item, int rater) => Index(item, rater) is var c and >= 0 ? _categories[c] : null;

    /// <summary>The numeric rating of item <paramref name="item"/> by rater <paramref name="rater"/>, or <see langword="null"/> when missing or the table is not numeric.</summary>
    public double? Number(int item, int rater) => _numbers is not null && Index(item, rater) is var c and >= 0 ? _numbers[c] : null;

    /// <summary>How many raters rated item <paramref name="item"/>.</summary>
    public int RatingsOf(int item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, _items.Length);
        return _cells[item].Count(c => c >= 0);
    }

    /// <summary>The category index of each rater's rating of each item, -1 when missing: [item][rater]. Never to be written to.</summary>
    internal IReadOnlyList<int[]> Rows => _cells;

    /// <summary>Builds a table of categorical ratings (text: "true"/"false" for pass/fail, or the option chosen).</summary>
    /// <param name="ratings">(item, rater, value) triples; a <see langword="null"/> value is a missing rating.</param>
    /// <param name="orderedCategories">
    /// The categories from lowest to highest when they are ordered (such as "poor", "fair", "good"); the table is then
    /// ordinal and every value must be one of them. Leave <see langword="null"/> for unordered (nominal) categories.
    /// </param>
    /// <exception cref="ArgumentException">A rater rated an item twice, or a value is not among <paramref name="orderedCategories"/>.</exception>
    public static RatingTable FromCategories(IEnumerable<(string ItemId, string RaterId, string? Value)> ratings, IReadOnlyList<string>? orderedCategories = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var list = ratings.ToList();
        string[] order;
        if (orderedCategories is not null)
        {
            order = [.. orderedCategories];
            if (order.Distinct(StringComparer.Ordinal).Count() != order.Length)
            {
                throw new ArgumentException("The ordered categories must be distinct.", nameof(orderedCategories));
            }

            var unknown = list.Select(r => r.Value).OfType<string>().FirstOrDefault(v => !order.Contains(v, StringComparer.Ordinal));
            if (unknown is not null)
            {
                throw new ArgumentException($"The value \"{unknown}\" is not among the ordered categories.", nameof(ratings));
            }
        }
        else
        {
            order = [.. list.Select(r => r.Value).OfType<string>().Distinct(StringComparer.Ordinal)
                .OrderBy(c => c == "true" ? 0 : c == "false" ? 1 : 2).ThenBy(c => c, StringComparer.Ordinal)];
        }

        var index = order.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        return Build(list.Select(r => (r.ItemId, r.RaterId, r.Value is null ? -1 : index[r.Value])), order, null, orderedCategories is not null);
    }

    /// <summary>Builds a table of pass/fail ratings; the categories are "true" and "false" (unordered).</summary>
    /// <param name="ratings">(item, rater, value) triples; a <see langword="null"/> value is a missing rating.</param>
    /// <exception cref="ArgumentException">A rater rated an item twice.</exception>
    public static RatingTable FromBooleans(IEnumerable<(string ItemId, string RaterId, bool? Value)> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return Build(ratings.Select(r => (r.ItemId, r.RaterId, r.Value switch { true => 0, false => 1, null => -1 })), ["true", "false"], null, false);
    }

    /// <summary>Builds a table of numeric ratings (ordinal or interval scores); each distinct number is a category.</summary>
    /// <param name="ratings">(item, rater, value) triples; a <see langword="null"/> value is a missing rating.</param>
    /// <exception cref="ArgumentException">A rater rated an item twice, or a value is NaN or infinite (use <see langword="null"/> for missing).</exception>
    public static RatingTable FromNumbers(IEnumerable<(string ItemId, string RaterId, double? Value)> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var list = ratings.ToList();
        if (list.Any(r => r.Value is { } v && !double.IsFinite(v)))
        {
            throw new ArgumentException("Ratings must be finite numbers; use null for a missing rating.", nameof(ratings));
        }

        // Normalise -0 to 0 so that they are one category.
        var values = list.Where(r => r.Value.HasValue).Select(r => r.Value!.Value + 0.0).Distinct().Order().ToArray();
        var index = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var labels = values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        return Build(list.Select(r => (r.ItemId, r.RaterId, r.Value is { } v ? index[v + 0.0] : -1)), labels, values, true);
    }

    private static RatingTable Build(IEnumerable<(string ItemId, string RaterId, int Category)> ratings, string[] categories, double[]? numbers, bool isOrdered)
    {
        var list = ratings.ToList();
        if (list.Any(r => r.ItemId is null || r.RaterId is null))
        {
            throw new ArgumentException("Every rating needs an item id and a rater id.", nameof(ratings));
        }

        var items = list.Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var raters = list.Select(r => r.RaterId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var itemIndex = items.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var raterIndex = raters.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var cells = items.Select(_ => Enumerable.Repeat(-1, raters.Length).ToArray()).ToArray();
        var seen = new HashSet<(int, int)>();
        foreach (var (itemId, raterId, category) in list)
        {
            var (i, r) = (itemIndex[itemId], raterIndex[raterId]);
            if (!seen.Add((i, r)))
            {
                throw new ArgumentException($"Rater \"{raterId}\" rated item \"{itemId}\" more than once.", nameof(ratings));
            }

            cells[i][r] = category;
        }

        return new RatingTable(items, raters, categories, numbers, isOrdered, cells);
    }

    private int Index(int item, int rater)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, _items.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(rater);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rater, _raters.Length);
        return _cells[item][rater];
    }
}
