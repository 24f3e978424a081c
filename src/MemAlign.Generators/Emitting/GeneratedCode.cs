namespace MemAlign.Generators.Emitting;

/// <summary>The <c>[GeneratedCode]</c> attribute every generated member carries, with this generator's real version.</summary>
internal static class GeneratedCode
{
    public static readonly string Attribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"MemAlign.Generators\", \"{typeof(GeneratedCode).Assembly.GetName().Version}\")]";
}
