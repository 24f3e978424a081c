using System.CommandLine;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign judges list | show | versions | delete | register</c>: the judge registry.</summary>
internal static class JudgesCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("judges", "The judge registry: list, show, versions, delete, register.");
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Show(options));
        command.Subcommands.Add(Versions(options));
        command.Subcommands.Add(Delete(options));
        command.Subcommands.Add(Register(options));
        return command;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "The latest version of every registered judge.");
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var judges = await context.Store.ListJudgesAsync(context.Experiment, cancellationToken).ConfigureAwait(false);
            context.Output.Line(judges.Count == 0 ? $"No judges are registered in experiment '{context.Experiment}'." : $"{"Name",-24} {"Version",-8} {"Type",-22} {"Guidelines",-11} {"Examples",-9} Model");
            foreach (var judge in judges)
            {
                context.Output.Line($"{judge.Name,-24} {judge.Version,-8} {judge.ValueType,-22} {judge.Guidelines,-11} {judge.Examples,-9} {judge.Model ?? "-"}");
            }

            context.Output.Result(new JsonArray([.. judges.Select(Json)]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(GlobalOptions options)
    {
        var name = new Argument<string>("name") { Description = "The judge's name." };
        var version = new Option<int?>("--version") { Description = "The version (default: the latest)." };
        var command = new Command("show", "A judge's definition, guidelines and memory.") { name, version };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var judge = await context.JudgeAsync(context.Parse.GetValue(name)!, context.Parse.GetValue(version), cancellationToken).ConfigureAwait(false);
            context.Output.Line($"{judge.Info.Name} version {judge.Info.Version} ({judge.Definition.ValueType}), registered {judge.Info.CreatedAt:u}, model {judge.Definition.Model ?? "-"}");
            context.Output.Line($"Memory: {judge.Memory.Guidelines.Count} guideline(s), {judge.Memory.Examples.Count} example(s), embedded by {judge.Memory.EmbeddingModelId} ({judge.Memory.EmbeddingDimensions} dims), k = {judge.Memory.RetrievalK}");
            context.Output.Line();
            context.Output.Line(judge.Instructions.TrimEnd());
            var result = Json(judge.Info);
            result["instructions"] = judge.Definition.Instructions;
            result["guidelines"] = new JsonArray([.. judge.Memory.Guidelines.Select(g => (JsonNode)new JsonObject
            {
                ["text"] = g.Text,
                ["sources"] = new JsonArray([.. g.SourceTraceIds.Select(s => (JsonNode)s)]),
            })]);
            context.Output.Result(result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Versions(GlobalOptions options)
    {
        var name = new Argument<string>("name") { Description = "The judge's name." };
        var command = new Command("versions", "Every version of a judge.") { name };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var versions = await context.Store.ListJudgeVersionsAsync(context.Experiment, context.Parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            if (versions.Count == 0)
            {
                throw new UsageException($"No judge '{context.Parse.GetValue(name)}' is registered in experiment '{context.Experiment}'.");
            }

            foreach (var v in versions)
            {
                context.Output.Line($"{v.Name} {v.Version}  {v.CreatedAt:u}  {v.Guidelines} guideline(s), {v.Examples} example(s)");
            }

            context.Output.Result(new JsonArray([.. versions.Select(Json)]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(GlobalOptions options)
    {
        var name = new Argument<string>("name") { Description = "The judge's name." };
        var version = new Option<string>("--version") { Description = "A version number, or 'all'.", Required = true };
        var command = new Command("delete", "Delete one version of a judge, or all of them.") { name, version };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var text = context.Parse.GetValue(version)!;
            int? number = text == "all" ? null
                : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new UsageException($"--version must be a version number or 'all', not '{text}'.");
            var deleted = await context.Store.DeleteJudgeAsync(context.Experiment, context.Parse.GetValue(name)!, number, cancellationToken).ConfigureAwait(false);
            context.Output.Line($"Deleted {deleted} version(s) of '{context.Parse.GetValue(name)}'.");
            context.Output.Result(new JsonObject { ["deleted"] = deleted });
            return deleted > 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static Command Register(GlobalOptions options)
    {
        var assembly = new Option<FileInfo>("--assembly") { Description = "A built assembly whose judges were declared with [Judge] (its generated catalog lists them).", Required = true };
        var command = new Command("register", "Register the judges an assembly declares, each as its next version.") { assembly };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var path = context.Parse.GetValue(assembly)!;
            if (!path.Exists)
            {
                throw new UsageException($"There is no assembly '{path.FullName}'; build the project first.");
            }

            JudgeCatalog catalog;
            try
            {
                catalog = JudgeCatalog.Load(Load(path.FullName));
            }
            catch (Exception e) when (e is InvalidOperationException or BadImageFormatException or FileLoadException)
            {
                throw new UsageException($"'{path.Name}': {e.Message}");
            }

            var registered = new JsonArray();
            foreach (var definition in catalog.Judges)
            {
                var info = await context.Store.RegisterJudgeAsync(context.Experiment, definition, JudgeMemory.Empty, null, cancellationToken).ConfigureAwait(false);
                context.Output.Line($"Registered {info.Name} version {info.Version} ({info.ValueType}).");
                registered.Add(Json(info));
            }

            context.Output.Result(registered);
            return ExitCodes.Ok;
        });
        return command;
    }

    // The assembly's own dependencies are resolved from its folder; MemAlign itself is shared with the tool.
    private static Assembly Load(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var context = new AssemblyLoadContext("judges", isCollectible: false);
        context.Resolving += (_, name) => name.Name == "MemAlign" ? typeof(Judge<>).Assembly
            : File.Exists(Path.Combine(folder, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        return context.LoadFromAssemblyPath(path);
    }

    private static JsonObject Json(JudgeVersionInfo info) => new()
    {
        ["name"] = info.Name,
        ["version"] = info.Version,
        ["created_at"] = info.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["value_type"] = info.ValueType.ToString(),
        ["model"] = info.Model,
        ["guidelines"] = info.Guidelines,
        ["examples"] = info.Examples,
    };
}
