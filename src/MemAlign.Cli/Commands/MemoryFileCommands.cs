using System.CommandLine;
using System.Globalization;
using MemAlign.Alignment;
using MemAlign.Cli.Json;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary>
/// Aligned judges as code: <c>memalign judges export</c> and <c>align --out</c> write a version's
/// <c>*.memalign.json</c>, <c>judges register --memory</c> registers one as the next version, and
/// <c>forget --memory-files</c> takes forgotten traces out of the files under a folder.
/// </summary>
internal static class MemoryFileCommands
{
    public static Command Export(GlobalOptions options)
    {
        var name = new Argument<string>("name") { Description = "The judge's name." };
        var version = new Option<int?>("--version") { Description = "The version (default: the latest)." };
        var output = new Option<string>("--out") { Description = "The file to write, such as judges/helpfulness.memalign.json (its folder is created).", Required = true };
        var command = new Command("export", "Write one version of a judge as a reviewable, canonical *.memalign.json file, to commit and compile into the judge.") { name, version, output };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var judge = await context.JudgeAsync(context.Parse.GetValue(name)!, context.Parse.GetValue(version), cancellationToken).ConfigureAwait(false);
            var written = await ExportAsync(context, judge, context.Parse.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            context.Output.Result(new JudgeExportResult(written));
            return ExitCodes.Ok;
        }, readOnly: true);
        return command;
    }

    /// <summary>Writes <paramref name="judge"/>'s memory file at <paramref name="path"/> and says so.</summary>
    public static async Task<MemoryFileJson> ExportAsync(CommandContext context, RegisteredJudge judge, string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--out needs a file name, such as judges/helpfulness.memalign.json.");
        }

        var reviewers = await ReviewersAsync(context, judge.Memory, cancellationToken).ConfigureAwait(false);
        var file = JudgeMemoryFile.Create(judge.Definition, judge.Memory, judge.Info.Version, reviewers);
        try
        {
            await file.SaveAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the memory file '{path}': {e.Message}");
        }

        var bytes = new FileInfo(path).Length;
        if (!path.EndsWith(MemoryFileContract.FileSuffix, StringComparison.Ordinal))
        {
            context.Output.Notice($"'{path}' does not end in {MemoryFileContract.FileSuffix}: the MemAlign package compiles in only files named so (as AdditionalFiles).");
        }

        context.Output.Line($"Wrote {path}: {judge.Info.Name} version {judge.Info.Version}, {file.Guidelines.Count} guideline(s), {file.Examples.Count} example(s), "
            + $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.");
        return new MemoryFileJson(path, judge.Info.Name, judge.Info.Version, file.Guidelines.Count, file.Examples.Count, bytes);
    }

    /// <summary>
    /// Registers the memory file at <paramref name="path"/> as the next version of its judge, on the registered
    /// definition: a file aligned for another rubric or value type is refused unless <paramref name="acceptStale"/>.
    /// </summary>
    public static async Task<RegisteredJudgeJson> RegisterAsync(CommandContext context, FileInfo path, bool acceptStale, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            throw new UsageException($"There is no memory file '{path.FullName}'; write one with 'memalign judges export NAME --out FILE'.");
        }

        JudgeMemoryFile file;
        try
        {
            file = await JudgeMemoryFile.LoadAsync(path.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (JudgeMemoryFileException e)
        {
            throw new UsageException(e.Message);
        }

        var latest = await context.Store.GetJudgeAsync(context.Experiment, file.JudgeName, null, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Judge '{file.JudgeName}' is not registered in experiment '{context.Experiment}', and a memory file holds only its rubric's hash, "
                + "not the rubric: register the judge's definition first ('memalign judges register --assembly PATH'), then its memory file.");
        var stale = file.Staleness(latest.Definition);
        if (stale is not null && !acceptStale)
        {
            throw new UsageException($"'{path.Name}' was aligned for another definition of '{file.JudgeName}' than version {latest.Info.Version}'s: {stale}. "
                + "Register the definition it was aligned for first, or pass --accept-stale to register it with the current rubric anyway (align again afterwards to learn on it).");
        }

        JudgeMemory memory;
        try
        {
            file.CheckBelongsTo(latest.Definition);
            memory = await file.ToMemoryAsync(context.Models.Embedder(file.EmbeddingModelId, file.EmbeddingDimensions), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw UsageException.From(e);
        }

        // The same memory as the latest version's: nothing to register (exports and registers can go round and round).
        if (JudgeMemoryFile.Create(latest.Definition, latest.Memory).ToJson() == JudgeMemoryFile.Create(latest.Definition, memory).ToJson())
        {
            context.Output.Line($"{path.Name} holds the memory of {latest.Info.Name} version {latest.Info.Version}; it stays the latest.");
            return RegisteredJudgeJson.From(latest.Info, "unchanged");
        }

        JudgeVersionInfo info;
        try
        {
            info = await context.Store.RegisterJudgeAsync(context.Experiment, latest.Definition, memory, null, latest.Info.Version, latest.LabelSchema, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StaleJudgeVersionException e)
        {
            throw new FindingsException($"{e.Message} Nothing was registered; run it again.");
        }

        var from = file.Version is { } v ? $" (exported from version {v})" : "";
        context.Output.Line($"Registered {info.Name} version {info.Version} from {path.Name}{from}: {info.Guidelines} guideline(s), {info.Examples} example(s)"
            + (stale is null ? "." : $"; it was aligned for another definition ({stale}), registered with --accept-stale on version {latest.Info.Version}'s."));
        return RegisteredJudgeJson.From(info, stale is null ? "memory file" : "memory file, stale");
    }

    /// <summary>The memory files under <paramref name="folder"/>, read before anything is forgotten (an invalid one stops the command with nothing done).</summary>
    public static async Task<IReadOnlyList<JudgeMemoryFile>> ReadFolderAsync(DirectoryInfo folder, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            throw new UsageException($"There is no folder '{folder.FullName}' (--memory-files).");
        }

        var files = new List<JudgeMemoryFile>();
        foreach (var path in Directory.EnumerateFiles(folder.FullName, "*" + MemoryFileContract.FileSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                files.Add(await JudgeMemoryFile.LoadAsync(path, cancellationToken).ConfigureAwait(false));
            }
            catch (JudgeMemoryFileException e)
            {
                throw new UsageException($"{e.Message} Nothing was forgotten: fix or remove the file, then run forget again.");
            }
        }

        return files;
    }

    /// <summary>Takes <paramref name="traceIds"/> out of <paramref name="files"/>, rewriting the changed ones canonically, and says what changed.</summary>
    public static async Task<IReadOnlyList<MemoryFileForgetJson>> ForgetAsync(CommandContext context, DirectoryInfo folder, IReadOnlyList<JudgeMemoryFile> files,
        IReadOnlySet<string> traceIds, CancellationToken cancellationToken)
    {
        var changed = new List<MemoryFileForgetJson>();
        foreach (var file in files)
        {
            var forgotten = file.Forget(traceIds);
            if (!forgotten.Changed)
            {
                continue;
            }

            await forgotten.File.SaveAsync(file.FilePath!, cancellationToken).ConfigureAwait(false);
            var shown = Path.GetRelativePath(Environment.CurrentDirectory, file.FilePath!);
            context.Output.Line($"  {shown}: {forgotten.Examples} example(s) removed, {forgotten.GuidelinesDropped} guideline(s) that cited them dropped"
                + (forgotten.ToRedistill > 0 ? $"; {forgotten.ToRedistill} example(s) of other traces will be distilled again on the next align" : "") + ".");
            changed.Add(new MemoryFileForgetJson(shown, file.JudgeName, forgotten.Examples, forgotten.GuidelinesDropped, forgotten.GuidelineSources, forgotten.ToRedistill));
        }

        context.Output.Line($"Memory files under {folder.FullName}: {files.Count} read, {changed.Count} rewritten.");
        context.Output.Line(HistoryWarning);
        return changed;
    }

    /// <summary>Whether any of the files remembers <paramref name="traceId"/> (an example, or a guideline source).</summary>
    public static bool Mentions(IEnumerable<JudgeMemoryFile> files, string traceId) =>
        files.Any(f => f.Examples.Any(e => e.TraceId == traceId) || f.Guidelines.Any(g => g.SourceTraceIds.Contains(traceId, StringComparer.Ordinal)));

    /// <summary>What forget cannot do for files kept in version control.</summary>
    public const string HistoryWarning =
        "The rewritten files no longer hold the forgotten traces, but copies in version-control history (earlier commits, other branches, "
        + "clones and forks, pull-request diffs, build outputs that compiled them in) are out of forget's reach: commit the rewritten files, "
        + "and rewrite that history yourself (git filter-repo, then force-push and have every clone replaced) if the traces must be gone from it too.";

    // Who gave each example's verdict, from the stored traces' human assessments (an example's id is its assessment's).
    private static async Task<IReadOnlyDictionary<string, string>> ReviewersAsync(CommandContext context, JudgeMemory memory, CancellationToken cancellationToken)
    {
        var reviewers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in memory.Examples.Select(e => e.TraceId).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var trace in await context.Store.GetTracesAsync(context.Experiment, chunk, cancellationToken).ConfigureAwait(false))
            {
                foreach (var assessment in trace.Assessments.Where(a => a.Source.Type == AssessmentSourceType.Human))
                {
                    reviewers[assessment.Id] = assessment.Source.Id;
                }
            }
        }

        return reviewers;
    }
}
