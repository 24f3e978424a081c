namespace MemAlign.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one judge's partial class. Pipeline models must be immutable
/// and equal by value (records of strings, numbers and <see cref="EquatableArray{T}"/>), never holding
/// symbols, syntax or locations: the generator's caching compares them between edits.
/// </summary>
/// <param name="Type">Where the class is.</param>
/// <param name="JudgeName">The judge's name, when one is given.</param>
/// <param name="Model">The model the judge names, if any.</param>
/// <param name="Rubric">The rubric text, when one is given.</param>
/// <param name="Parameters">The rubric's variables the typed EvaluateAsync takes, in the canonical order (inputs, outputs, expectations).</param>
/// <param name="ValueType">The value type, when the declaration gives a valid one.</param>
/// <param name="ValueClrType">The judge's T, fully qualified.</param>
/// <param name="Problems">The build errors of this declaration ("MAJ010: ..."); when any, the definition throws them at run time.</param>
/// <param name="Copy">What the generator writes so that alignment can copy the judge.</param>
/// <param name="IsSealed">Whether the class is sealed (its generated copy constructor is then private, else protected).</param>
/// <param name="Memory">The aligned memory compiled in from its <c>*.memalign.json</c> file, if any.</param>
internal sealed record JudgeSpec(
    TypeLocation Type,
    string? JudgeName,
    string? Model,
    string? Rubric,
    EquatableArray<string> Parameters,
    ValueTypeSpec? ValueType,
    string ValueClrType,
    EquatableArray<string> Problems,
    JudgeCopy Copy,
    bool IsSealed,
    EmbeddedMemory? Memory = null);

/// <summary>How a [Judge] class is copied by alignment and the With... methods (Judge.CreateCopy).</summary>
internal enum JudgeCopy
{
    /// <summary>The class has no state of its own: the generator writes the copy constructor and the CreateCopy override.</summary>
    Generated,

    /// <summary>The class declares its own copy constructor: the generator writes only the CreateCopy override that calls it.</summary>
    UserConstructor,

    /// <summary>The class overrides CreateCopy itself: the generator writes nothing for copying.</summary>
    UserOverride,

    /// <summary>
    /// The class has fields of its own and no copy constructor: the generator writes nothing, so copying it
    /// throws and says to write one; copying its fields silently would share or lose them.
    /// </summary>
    FieldsWithoutConstructor,
}

/// <summary>A label schema's partial record; the value type is resolved against its judge (a numeric schema without [Scale] takes the judge's scale).</summary>
/// <param name="Type">Where the record is.</param>
/// <param name="SchemaName">The judge name the labels are for, when one is given.</param>
/// <param name="Title">The question's title.</param>
/// <param name="Instruction">Guidance for reviewers (Markdown).</param>
/// <param name="Comment">Whether a comment is off, optional or required: "None", "Optional" or "Required".</param>
/// <param name="ValueType">The value type as declared; a numeric one without a scale has none yet.</param>
/// <param name="ValueClrType">The label's T, fully qualified.</param>
/// <param name="Problems">The build errors of this declaration; when any, the schema throws them at run time.</param>
internal sealed record LabelSchemaSpec(
    TypeLocation Type,
    string? SchemaName,
    string? Title,
    string? Instruction,
    string Comment,
    ValueTypeSpec? ValueType,
    string ValueClrType,
    EquatableArray<string> Problems);

/// <summary>What a label schema needs to know of a judge: its name, value type and the type declaring it. No location, so moving code leaves label schemas cached.</summary>
internal sealed record JudgeKey(string Name, ValueTypeSpec? ValueType, string TypeDisplay);
