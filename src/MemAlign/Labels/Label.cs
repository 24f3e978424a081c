namespace MemAlign;

/// <summary>
/// One reviewer's label for one trace, typed by value: the base of <c>[LabelSchema]</c> records. The
/// generator overrides <see cref="Schema"/> and adds a static <c>FromAssessment</c>.
/// </summary>
/// <typeparam name="T">The value type, matching the judge's.</typeparam>
public abstract record Label<T>
{
    /// <summary>The trace labelled.</summary>
    public required string TraceId { get; init; }

    /// <summary>The value given.</summary>
    public required T Value { get; init; }

    /// <summary>The reviewer's comment: the rationale alignment learns from.</summary>
    public string? Comment { get; init; }

    /// <summary>Who gave the label.</summary>
    public string Reviewer { get; init; } = "anonymous";

    /// <summary>When the label was given.</summary>
    public DateTimeOffset CreatedAt { get; init; } = SystemClock.Default.GetUtcNow();

    /// <summary>The schema the label follows (generated for a <c>[LabelSchema]</c> record).</summary>
    /// <exception cref="InvalidOperationException">
    /// The record was not completed by the MemAlign generator (it is not partial, or its declaration has
    /// errors the build reported); it is virtual rather than abstract so that such a record compiles and
    /// the build reports only the MAJ diagnostic saying why.
    /// </exception>
    public virtual LabelSchema Schema => throw new InvalidOperationException(
        $"'{GetType().FullName}' has no label schema: the MemAlign generator could not complete it, and the build reported why (MAJ diagnostics). "
        + "A [LabelSchema] record must be partial and derive from Label<T>.");

    /// <summary>The label as a human assessment named after the schema (and so after its judge).</summary>
    /// <exception cref="ArgumentException">The value is not one the schema allows.</exception>
    public Assessment ToAssessment()
    {
        var value = FeedbackValueConverter<T>.FromValue(Value);
        if (!Schema.ValueType.TryNormalize(value, out _, out var problem))
        {
            throw new ArgumentException($"Label '{Schema.Name}' for trace '{TraceId}' has the value {value}, but it must be {Schema.ValueType.Describe()}{problem}");
        }

        return new Assessment(Schema.Name, value, AssessmentSource.Human(Reviewer), Comment, CreatedAt);
    }

    /// <summary>Reads the value of a human assessment, for generated <c>FromAssessment</c> methods.</summary>
    /// <exception cref="ArgumentException">The assessment is for another schema, not from a human, or of another value type.</exception>
    protected static T ReadValue(Assessment assessment, LabelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(schema);
        if (!assessment.IsNamed(schema.Name))
        {
            throw new ArgumentException($"Assessment '{assessment.Id}' is named '{assessment.Name}', not '{schema.Name}'.", nameof(assessment));
        }

        if (assessment.Source.Type != AssessmentSourceType.Human)
        {
            throw new ArgumentException($"Assessment '{assessment.Id}' comes from {assessment.Source.Type}, not from a human reviewer.", nameof(assessment));
        }

        if (!schema.ValueType.TryNormalize(assessment.Value, out var value, out var problem))
        {
            throw new ArgumentException($"Assessment '{assessment.Id}' has the value {assessment.Value}, but '{schema.Name}' must be {schema.ValueType.Describe()}{problem}", nameof(assessment));
        }

        return FeedbackValueConverter<T>.ToValue(value);
    }
}
