namespace MemAlign.Rubrics;

/// <summary>One use of a free (data) variable in a rubric, with its position in the rubric text.</summary>
internal readonly struct RubricVariable
{
    public RubricVariable(string name, int offset, int line, int column)
    {
        Name = name;
        Offset = offset;
        Line = line;
        Column = column;
    }

    public string Name { get; }

    /// <summary>Zero-based offset of the name in the rubric text.</summary>
    public int Offset { get; }

    /// <summary>One-based line.</summary>
    public int Line { get; }

    /// <summary>One-based column.</summary>
    public int Column { get; }
}
