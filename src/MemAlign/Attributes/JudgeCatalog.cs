using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MemAlign;

/// <summary>
/// The judges and label schemas an assembly declares with attributes, as the generator recorded them in
/// its <see cref="DeclaredJudgeAttribute"/>s and <see cref="DeclaredLabelSchemaAttribute"/>s. Read from a
/// loaded assembly with <see cref="Load"/>, or from a file with <see cref="Read"/>, which runs none of
/// the assembly's code (a judge assembly from a CI artifact is read, never executed).
/// </summary>
/// <param name="Judges">The judges' definitions, in order of name.</param>
/// <param name="LabelSchemas">The label schemas, in order of name.</param>
public sealed record JudgeCatalog(IReadOnlyList<JudgeDefinition> Judges, IReadOnlyList<LabelSchema> LabelSchemas)
{
    private const string Namespace = "MemAlign";

    /// <summary>Reads the catalog of an assembly already loaded.</summary>
    /// <exception cref="InvalidOperationException">The assembly declares no judge or label schema, or was built without the MemAlign generator.</exception>
    public static JudgeCatalog Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var judges = assembly.GetCustomAttributes<DeclaredJudgeAttribute>()
            .Select(a => Judge(a.Name, a.Rubric, ValueType(a.ValueKind, a.Minimum, a.Maximum, a.Options, a.NotApplicable), a.Model)).ToList();
        var schemas = assembly.GetCustomAttributes<DeclaredLabelSchemaAttribute>()
            .Select(a => Schema(a.Name, ValueType(a.ValueKind, a.Minimum, a.Maximum, a.Options, a.NotApplicable), a.Title, a.Instruction, a.Comment)).ToList();
        return Create(judges, schemas, assembly.GetName().Name);
    }

    /// <summary>
    /// Reads the catalog of the assembly file at <paramref name="path"/> from its metadata alone: nothing of
    /// the assembly is loaded or run (no module initializer, no static constructor).
    /// </summary>
    /// <exception cref="InvalidOperationException">The assembly declares no judge or label schema, or was built without the MemAlign generator.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static JudgeCatalog Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"'{path}' is not a .NET assembly.");
        }

        var reader = pe.GetMetadataReader();
        var judges = new List<JudgeDefinition>();
        var schemas = new List<LabelSchema>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var name = AttributeName(reader, attribute);
            if (name is not nameof(DeclaredJudgeAttribute) and not nameof(DeclaredLabelSchemaAttribute))
            {
                continue;
            }

            var decoded = attribute.DecodeValue(new ConstantsOnly());
            var arguments = decoded.FixedArguments;
            object? At(int i) => arguments[i].Value;
            IReadOnlyList<string> Options(int i) => ((ImmutableArray<CustomAttributeTypedArgument<string>>?)At(i))?.Select(o => (string)o.Value!).ToList() ?? [];

            // Named, so assemblies built before it existed read unchanged.
            var notApplicable = decoded.NamedArguments.Where(a => a.Name == nameof(DeclaredJudgeAttribute.NotApplicable)).Select(a => (double)a.Value!).DefaultIfEmpty(double.NaN).First();
            if (name == nameof(DeclaredJudgeAttribute))
            {
                judges.Add(Judge((string)At(0)!, (string)At(1)!, ValueType((string)At(2)!, (double)At(3)!, (double)At(4)!, Options(5), notApplicable), (string?)At(6)));
            }
            else
            {
                schemas.Add(Schema((string)At(0)!, ValueType((string)At(1)!, (double)At(2)!, (double)At(3)!, Options(4), notApplicable), (string?)At(5), (string?)At(6), (string)At(7)!));
            }
        }

        return Create(judges, schemas, reader.GetString(reader.GetAssemblyDefinition().Name));
    }

    private static JudgeCatalog Create(List<JudgeDefinition> judges, List<LabelSchema> schemas, string? assembly) =>
        judges.Count + schemas.Count == 0
            ? throw new InvalidOperationException(
                $"Assembly '{assembly}' has no MemAlign catalog: it declares no [Judge] or [LabelSchema] type, or was built without the MemAlign generator (or with errors).")
            : new JudgeCatalog(judges.OrderBy(j => j.Name, StringComparer.Ordinal).ToList(), schemas.OrderBy(s => s.Name, StringComparer.Ordinal).ToList());

    // Generated from checked declarations; created again here, so a hand-made attribute gets checked too.
    private static JudgeDefinition Judge(string name, string rubric, FeedbackValueType valueType, string? model) =>
        JudgeDefinition.Create(name, rubric, valueType, model);

    private static LabelSchema Schema(string name, FeedbackValueType valueType, string? title, string? instruction, string comment) =>
        new(name, valueType, title, instruction, Enum.Parse<LabelComment>(comment));

    private static FeedbackValueType ValueType(string kind, double minimum, double maximum, IReadOnlyList<string> options, double notApplicable)
    {
        var type = Enum.Parse<FeedbackTypeKind>(kind) switch
        {
            FeedbackTypeKind.Boolean => FeedbackValueType.Boolean,
            FeedbackTypeKind.Integer => FeedbackValueType.Integer((int)minimum, (int)maximum),
            FeedbackTypeKind.Number => FeedbackValueType.Number(minimum, maximum),
            FeedbackTypeKind.Categorical => FeedbackValueType.Categorical(options),
            _ => FeedbackValueType.Text,
        };
        return double.IsNaN(notApplicable) ? type : type.WithNotApplicable(notApplicable);
    }

    private static string? AttributeName(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return null;
        }

        var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
        {
            return null;
        }

        var type = reader.GetTypeReference((TypeReferenceHandle)parent);
        return reader.GetString(type.Namespace) == Namespace ? reader.GetString(type.Name) : null;
    }

    // Decodes the constants these attributes take: strings, doubles and string arrays; nothing is resolved or loaded.
    private sealed class ConstantsOnly : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetSystemType() => "Type";

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => throw new BadImageFormatException($"The MemAlign catalog attributes take no enum, but found {type}.");

        public bool IsSystemType(string type) => type == "Type";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
    }
}
