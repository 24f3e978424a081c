using System.CommandLine;
using MemAlign.Cli.Json;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign judges list | show | versions | delete | register</c>: the judge registry.</summary>
internal static class JudgesCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("judges", "The judge registry: list, show, versions, delete, register, export.");
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Show(options));
        command.Subcommands.Add(Versions(options));
        command.Subcommands.Add(Delete(options));
        command.Subcommands.Add(Register(options));
        command.Subcommands.Add(MemoryFileCommands.Export(options));
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

            context.Output.Result(new JudgeListResult([.. judges.Select(JudgeVersionJson.From)]));
            return ExitCodes.Ok;
        }, readOnly: true);
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
            context.Output.Result(JudgeShowResult.From(judge));
            return ExitCodes.Ok;
        }, readOnly: true);
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

            context.Output.Result(new JudgeVersionsResult(versions[0].Name, [.. versions.Select(JudgeVersionJson.From)]));
            return ExitCodes.Ok;
        }, readOnly: true);
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
            context.Output.Result(new JudgeDeleteResult(context.Parse.GetValue(name)!, deleted));
            return deleted > 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static Command Register(GlobalOptions options)
    {
        var assembly = new Option<FileInfo?>("--assembly") { Description = "A built assembly whose judges were declared with [Judge]; it is read as metadata, never run." };
        var reset = new Option<bool>("--reset-memory") { Description = "When a judge's declaration changed, start its new version with an empty memory instead of keeping what it learned." };
        var memoryFile = new Option<FileInfo?>("--memory") { Description = "A *.memalign.json file to register as the next version of its judge, which must be registered already (the file holds its rubric's hash, not the rubric)." };
        var acceptStale = new Option<bool>("--accept-stale") { Description = "With --memory: register the file even if it was aligned for another rubric or value type than the registered one." };
        var command = new Command("register", "Register the judges an assembly declares (a new judge as version 1, a changed one as its next version; an unchanged one stays as it is), "
            + "or a memory file as the next version of its judge.")
            { assembly, reset, memoryFile, acceptStale };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            if (context.Parse.GetValue(memoryFile) is { } memoryPath)
            {
                if (context.Parse.GetValue(assembly) is not null || context.Parse.GetValue(reset))
                {
                    throw new UsageException("--memory registers one memory file; give --assembly (and --reset-memory) in a run of its own.");
                }

                var registered = await MemoryFileCommands.RegisterAsync(context, memoryPath, context.Parse.GetValue(acceptStale), cancellationToken).ConfigureAwait(false);
                context.Output.Result(new JudgeRegisterResult([registered]));
                return ExitCodes.Ok;
            }

            if (context.Parse.GetValue(acceptStale))
            {
                throw new UsageException("--accept-stale goes with --memory FILE.");
            }

            var path = context.Parse.GetValue(assembly)
                ?? throw new UsageException("Give --assembly PATH (a built assembly that declares judges) or --memory FILE (a *.memalign.json file).");
            if (!path.Exists)
            {
                throw new UsageException($"There is no assembly '{path.FullName}'; build the project first.");
            }

            JudgeCatalog catalog;
            try
            {
                catalog = JudgeCatalog.Read(path.FullName);
            }
            catch (Exception e) when (e is InvalidOperationException or BadImageFormatException or JudgeDefinitionException)
            {
                throw new UsageException($"'{path.Name}': {e.Message}");
            }

            var results = new List<RegisteredJudgeJson>();
            foreach (var definition in catalog.Judges)
            {
                var latest = await context.Store.GetJudgeAsync(context.Experiment, definition.Name, null, cancellationToken).ConfigureAwait(false);
                var schema = catalog.LabelSchemas.FirstOrDefault(l => Assessment.NameKey(l.Name) == Assessment.NameKey(definition.Name));
                var (info, state) = await RegisterAsync(context, definition, schema, latest, context.Parse.GetValue(reset), cancellationToken).ConfigureAwait(false);
                results.Add(RegisteredJudgeJson.From(info, state));
            }

            context.Output.Result(new JudgeRegisterResult(results));
            return ExitCodes.Ok;
        });
        return command;
    }

    // Registering must never lose what a judge learned: an unchanged declaration changes nothing, and a
    // changed one keeps the memory (it was aligned on the old rubric, which the message says) unless asked.
    // The label schema declared for the judge (its title, instruction and comment policy) is registered with it, for the labeling app.
    private static async Task<(JudgeVersionInfo Info, string State)> RegisterAsync(CommandContext context, JudgeDefinition definition, LabelSchema? schema, RegisteredJudge? latest, bool reset,
        CancellationToken cancellationToken)
    {
        var labelSchema = schema ?? new LabelSchema(definition.Name, definition.ValueType, Comment: LabelComment.Optional);
        if (latest is null)
        {
            var created = await context.Store.RegisterJudgeAsync(context.Experiment, definition, JudgeMemory.Empty, null, 0, labelSchema, cancellationToken).ConfigureAwait(false);
            context.Output.Line($"Registered {created.Name} version {created.Version} ({created.ValueType}).");
            return (created, "new");
        }

        var old = latest.Definition;
        if (old.Instructions == definition.Instructions && old.ValueType.Equals(definition.ValueType) && old.Model == definition.Model
            && (latest.LabelSchema.Title, latest.LabelSchema.Instruction, latest.LabelSchema.Comment) == (labelSchema.Title, labelSchema.Instruction, labelSchema.Comment))
        {
            context.Output.Line($"{old.Name} is unchanged; version {latest.Info.Version} stays the latest.");
            return (latest.Info, "unchanged");
        }

        if (!reset && !old.ValueType.Equals(definition.ValueType) && !latest.Memory.IsEmpty)
        {
            throw new UsageException($"Judge '{old.Name}' now returns {definition.ValueType} instead of {old.ValueType}, so the memory of version {latest.Info.Version} "
                + "(labels of the old type) cannot come with it; register with --reset-memory to start its new version empty.");
        }

        // The new version's base version is the latest: the memory it keeps (unless reset) is that version's.
        var memory = reset ? JudgeMemory.Empty : latest.Memory;
        var info = await context.Store.RegisterJudgeAsync(context.Experiment, definition, memory, null, latest.Info.Version, labelSchema, cancellationToken).ConfigureAwait(false);
        context.Output.Line(reset || latest.Memory.IsEmpty
            ? $"Registered {info.Name} version {info.Version}: its declaration changed; it starts with an empty memory."
            : $"Registered {info.Name} version {info.Version}: its declaration changed; it keeps the memory of version {latest.Info.Version} ({info.Guidelines} guideline(s), {info.Examples} example(s)), "
              + $"which was aligned on the old rubric. Align it again to learn on the new one, or register with --reset-memory to start empty.");
        return (info, reset ? "changed, memory reset" : "changed, memory kept");
    }
}
