namespace MemAlign;

/// <summary>
/// Marks an assembly's generated catalog of judges and label schemas (written by the MemAlign generator),
/// so that tools can find them with <see cref="JudgeCatalog.Load"/>.
/// </summary>
/// <param name="catalogType">The generated catalog class.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class JudgeCatalogAttribute(Type catalogType) : Attribute
{
    /// <summary>The generated catalog class.</summary>
    public Type CatalogType { get; } = catalogType;
}
