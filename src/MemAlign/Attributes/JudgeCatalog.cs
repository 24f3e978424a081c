using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace MemAlign;

/// <summary>The judges and label schemas an assembly declares with attributes, as its generated catalog lists them.</summary>
/// <param name="Judges">The judges' definitions.</param>
/// <param name="LabelSchemas">The label schemas.</param>
public sealed record JudgeCatalog(IReadOnlyList<JudgeDefinition> Judges, IReadOnlyList<LabelSchema> LabelSchemas)
{
    /// <summary>Reads the catalog the MemAlign generator wrote into <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no generated catalog (it declares no judge, or was built without the generator).</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The generated catalog's two properties are public and always present.")]
    public static JudgeCatalog Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var attribute = assembly.GetCustomAttribute<JudgeCatalogAttribute>() ?? throw new InvalidOperationException(
            $"Assembly '{assembly.GetName().Name}' has no MemAlign catalog: it declares no [Judge] or [LabelSchema] type, or was built without the MemAlign generator.");
        var type = attribute.CatalogType;
        T Read<T>(string property) => (T)(type.GetProperty(property, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"The MemAlign catalog of assembly '{assembly.GetName().Name}' has no {property}; rebuild it with this version of MemAlign."));
        return new JudgeCatalog(Read<IReadOnlyList<JudgeDefinition>>("Judges"), Read<IReadOnlyList<LabelSchema>>("LabelSchemas"));
    }
}
