namespace MemAlign;

/// <summary>The shape of a single feedback value, as stored on an <see cref="Assessment"/>.</summary>
public enum FeedbackValueKind
{
    /// <summary>A pass/fail value (<see langword="true"/> or <see langword="false"/>).</summary>
    Boolean,

    /// <summary>A number, such as a Likert rating.</summary>
    Number,

    /// <summary>A text value: a categorical option or free text.</summary>
    Text,
}
