using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MemAlign.Cli.Tests;

/// <summary>
/// docs/json-output.md cannot drift from what the tool emits: the records the built tool's serializer context
/// reaches are the records the page documents, field by field (name and type, in order), at the same schema version.
/// </summary>
public sealed class JsonSchemaDocTests
{
    private static readonly JsonOutputDoc Doc = JsonOutputDoc.Load();

    [Fact]
    public void The_page_documents_every_field_of_every_document_the_tool_can_write_and_nothing_else()
    {
        var tool = ToolSchema.Load();

        Assert.Equal(tool.Version, Doc.Version);
        Assert.Equal(tool.Records.Keys.Order(StringComparer.Ordinal), Doc.Records.Keys.Order(StringComparer.Ordinal));
        foreach (var (record, fields) in tool.Records)
        {
            Assert.True(fields.SequenceEqual(Doc.Records[record]),
                $"{record}: the tool writes {Describe(fields)}; docs/json-output.md says {Describe(Doc.Records[record])}");
        }
    }

    [Fact]
    public void Every_example_on_the_page_is_a_document_of_its_version()
    {
        Assert.NotEmpty(Doc.Examples);
        foreach (var example in Doc.Examples)
        {
            var document = JsonNode.Parse(example)!.AsObject();
            Assert.Equal(Doc.Version, (int)document["schema_version"]!);
            Assert.True(document.ContainsKey("command"), example);
        }
    }

    private static string Describe(IEnumerable<(string Name, string Type)> fields) => string.Join(", ", fields.Select(f => $"{f.Name}: {f.Type}"));

    /// <summary>
    /// What the built tool (src/MemAlign.Cli/bin/...) writes: loaded on its own, its serializer context lists the documents;
    /// every record they reach is walked. The envelope's fields (on every document) are a record of their own.
    /// </summary>
    private sealed class ToolSchema
    {
        private const string Envelope = "JsonResult";

        private readonly JsonSerializerOptions _options;
        private readonly Type _envelope;
        private readonly HashSet<string> _envelopeFields;

        private ToolSchema(Assembly tool)
        {
            var context = tool.GetType("MemAlign.Cli.Json.CliJsonContext", throwOnError: true)!;
            // The context's own options: the names and the naming policy the tool writes with.
            _options = ((JsonSerializerContext)context.GetProperty("Default")!.GetValue(null)!).Options;
            _envelope = tool.GetType("MemAlign.Cli.Json." + Envelope, throwOnError: true)!;
            _envelopeFields = [.. _envelope.GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))];
            Version = (int)_envelope.GetField("CurrentVersion")!.GetValue(null)!;
            Records[Envelope] = [];
            foreach (var document in context.GetCustomAttributesData().Where(a => a.AttributeType == typeof(JsonSerializableAttribute)))
            {
                Walk((Type)document.ConstructorArguments[0].Value!);
            }
        }

        public int Version { get; }

        public Dictionary<string, List<(string Name, string Type)>> Records { get; } = new(StringComparer.Ordinal);

        public static ToolSchema Load() => new(new ToolLoadContext(CliRunner.Cli).LoadFromAssemblyPath(CliRunner.Cli));

        private void Walk(Type type)
        {
            if (Records.ContainsKey(type.Name))
            {
                return;
            }

            var fields = new List<(string Name, string Type)>();
            Records[type.Name] = fields;
            foreach (var property in _options.GetTypeInfo(type).Properties)
            {
                var field = (property.Name, TypeName(property.PropertyType, property.IsGetNullable));
                if (!_envelope.IsAssignableFrom(type) || !_envelopeFields.Contains(property.Name))
                {
                    fields.Add(field);
                }
                else if (!Records[Envelope].Contains(field))
                {
                    Records[Envelope].Add(field);
                }
            }
        }

        // The type as the page writes it: integer, number, boolean, string, string (date-time), array of T, object of T (keyed by
        // name), or a record's name; "or null" after what may be null.
        private string TypeName(Type type, bool nullable)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return TypeName(underlying, false) + " or null";
            }

            var info = _options.GetTypeInfo(type);
            var name = type == typeof(int) || type == typeof(long) ? "integer"
                : type == typeof(double) ? "number"
                : type == typeof(bool) ? "boolean"
                : type == typeof(string) ? "string"
                : type == typeof(DateTimeOffset) ? "string (date-time)"
                : info.Kind == JsonTypeInfoKind.Enumerable ? "array of " + TypeName(info.ElementType!, false)
                : info.Kind == JsonTypeInfoKind.Dictionary ? "object of " + TypeName(info.ElementType!, false)
                : Record(type);
            return nullable ? name + " or null" : name;
        }

        private string Record(Type type)
        {
            Walk(type);
            return type.Name;
        }
    }

    // The tool and what it depends on, from its own folder; the framework's assemblies (System.Text.Json) are shared with the tests.
    private sealed class ToolLoadContext(string tool) : AssemblyLoadContext("memalign-tool")
    {
        private readonly AssemblyDependencyResolver _resolver = new(tool);

        protected override Assembly? Load(AssemblyName name) => _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
