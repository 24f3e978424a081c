namespace MemAlign;

/// <summary>Whether reviewers write a comment with their label: the rationale alignment learns from.</summary>
public enum LabelComment
{
    /// <summary>No comment box.</summary>
    None,

    /// <summary>A comment box reviewers may leave empty.</summary>
    Optional,

    /// <summary>A comment is required before the label can be submitted.</summary>
    Required,
}
