namespace MemAlign;

/// <summary>The kinds of value a judge can return or a label schema can collect.</summary>
/// <remarks>Also compiled into the generator (as an internal type), which emits code by kind.</remarks>
#if MEMALIGN_GENERATOR
internal
#else
public
#endif
enum FeedbackTypeKind
{
    /// <summary>Pass/fail: <see langword="true"/> or <see langword="false"/>.</summary>
    Boolean,

    /// <summary>A whole number on a scale (for example a 1-5 Likert rating).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "'Integer' is the domain term for a whole-number scale.")]
    Integer,

    /// <summary>A real number on a scale.</summary>
    Number,

    /// <summary>One of a fixed list of options (a C# enum or a list of strings).</summary>
    Categorical,

    /// <summary>Free text.</summary>
    Text,
}
