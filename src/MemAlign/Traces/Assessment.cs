namespace MemAlign;

/// <summary>
/// One judgement of a trace: a named feedback value with an optional rationale, from a human, a judge
/// or code. Human assessments whose name equals a judge's name are what that judge aligns to.
/// </summary>
public sealed record Assessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="name">The feedback name; equal to the judge's name for feedback it should learn from.</param>
    /// <param name="value">The value.</param>
    /// <param name="source">Who produced it.</param>
    /// <param name="rationale">Why; rationales are what semantic memory distils guidelines from.</param>
    /// <param name="createdAt">When it was made (defaults to now); <see cref="UpdatedAt"/> starts equal to it.</param>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public Assessment(string name, FeedbackValue value, AssessmentSource source, string? rationale = null, DateTimeOffset? createdAt = null)
        : this(name, value, source, rationale, createdAt, id: null)
    {
    }

    // For readers that know the id (an import): no random id is drawn only to be replaced (drawing one is a system call,
    // a few percent of a bulk import's time).
    internal Assessment(string name, FeedbackValue value, AssessmentSource source, string? rationale, DateTimeOffset? createdAt, string? id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(source);
        Name = name;
        Value = value;
        Source = source;
        Rationale = rationale;
        CreatedAt = createdAt ?? SystemClock.Default.GetUtcNow();
        UpdatedAt = CreatedAt;
        if (id is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
        }

        _id = id ?? "a-" + Guid.NewGuid().ToString("N");
        HasGeneratedId = id is null;
    }

    private readonly string _id;

    /// <summary>
    /// The id. Generated unless given: random while the assessment stands alone, and derived from the trace,
    /// the feedback name and the source (<see cref="StableId"/>) once <see cref="Trace.WithAssessment"/> adds it
    /// to a trace, so the same reviewer's label on the same trace has the same id in every run.
    /// </summary>
    public string Id
    {
        get => _id;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _id = value;
            HasGeneratedId = false;
        }
    }

    /// <summary>Whether <see cref="Id"/> was generated rather than given.</summary>
    internal bool HasGeneratedId { get; private init; }

    /// <summary>The feedback name.</summary>
    public string Name { get; init; }

    /// <summary>The value.</summary>
    public FeedbackValue Value { get; init; }

    /// <summary>Why the value was given, if said.</summary>
    public string? Rationale { get; init; }

    /// <summary>Who produced it.</summary>
    public AssessmentSource Source { get; init; }

    /// <summary>When it was first made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed; equal to <see cref="CreatedAt"/> until it is edited.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The <see cref="Trace.ContentFingerprint"/> of the content it rated, or <see langword="null"/> when not
    /// known. Stores fill it in when they keep the assessment; if the trace's content is later replaced,
    /// the assessment no longer describes it, and alignment does not learn from it.
    /// </summary>
    public string? RatedContent { get; init; }

    /// <summary>
    /// Whether its giver had seen a judge's verdict on the trace before giving it: <see langword="true"/> for a label given
    /// after the labeling app showed the judge's verdict (anchored on it, so agreement figures leave it out unless asked);
    /// <see langword="false"/> for one given blind in the app; <see langword="null"/> when not recorded (imports, and
    /// labels given before MemAlign recorded it).
    /// </summary>
    public bool? JudgeShown { get; init; }

    /// <summary>Whether it was given without its giver having seen a judge's verdict first (<see cref="JudgeShown"/> is not <see langword="true"/>).</summary>
    public bool IsBlind => JudgeShown != true;

    /// <summary>Whether it rated content <paramref name="trace"/> no longer has.</summary>
    public bool RatedOtherContentThan(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return RatedContent is not null && RatedContent != trace.ContentFingerprint;
    }

    /// <summary>
    /// Refuses an assessment no store can keep (a NUL character, which PostgreSQL cannot store in text), so every
    /// store refuses it the same way before writing anything. For implementers of <see cref="Storage.ITraceStore"/>.
    /// </summary>
    /// <param name="traceId">The trace it is on, for the message.</param>
    /// <exception cref="ArgumentException">The assessment holds a NUL character; the message names it and its trace.</exception>
    public void EnsureStorable(string traceId) => Storage.StorableText.Check(traceId, this);

    /// <summary>Whether this is feedback named <paramref name="feedbackName"/>: their <see cref="NameKey"/>s are equal.</summary>
    public bool IsNamed(string feedbackName)
    {
        ArgumentNullException.ThrowIfNull(feedbackName);
        return NameKey(Name) == NameKey(feedbackName);
    }

    /// <summary>
    /// The id of the one current assessment by <paramref name="source"/> named <paramref name="name"/> on the
    /// trace <paramref name="traceId"/>, as stores keep one per reviewer: the same inputs give the same id.
    /// </summary>
    public static string StableId(string traceId, string name, AssessmentSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return "lbl-" + KeyHash(traceId, name, source.Type, source.Id);
    }

    internal static string KeyHash(string traceId, string name, AssessmentSourceType type, string sourceId)
    {
        ArgumentNullException.ThrowIfNull(traceId);
        ArgumentNullException.ThrowIfNull(sourceId);
        // SHA-256 of "trace\nname\ntype\nsource" in UTF-8, its first 12 bytes in lower-case hex; encoded on the stack (an import derives one per label).
        ReadOnlySpan<string> parts = [traceId, NameKey(name), AssessmentSource.TypeName(type), sourceId];
        var length = parts.Length - 1;
        foreach (var part in parts)
        {
            length += System.Text.Encoding.UTF8.GetByteCount(part);
        }

        var rented = length > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        var key = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        var at = 0;
        foreach (var part in parts)
        {
            if (at > 0)
            {
                key[at++] = (byte)'\n';
            }

            at += System.Text.Encoding.UTF8.GetBytes(part, key[at..]);
        }

        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(key, hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..12]);
    }

    /// <summary>
    /// The form in which feedback names are compared, everywhere (alignment, stores, imports): trimmed and
    /// lower case, so that " Helpfulness" is feedback for the judge <c>helpfulness</c>.
    /// </summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }
}
