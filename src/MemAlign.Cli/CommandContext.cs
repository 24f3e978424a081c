using System.CommandLine;
using System.CommandLine.Parsing;
using MemAlign.Cli.Json;
using MemAlign.OpenAI;
using MemAlign.Storage;

namespace MemAlign.Cli;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Store { get; } = new("--store") { Description = "The store: a SQLite path or a PostgreSQL connection string (default: MEMALIGN_STORE, else the settings file's store, else .memalign/memalign.db).", Recursive = true };

    public Option<string> Experiment { get; } = new("--experiment") { Description = "The experiment to work in (default: the settings file's experiment, else default).", DefaultValueFactory = _ => IMemAlignStore.DefaultExperiment, Recursive = true };

    public Option<string?> Model { get; } = new("--model") { Description = "The model, such as openai:/gpt-4.1-mini (default: the settings file's model, else the judge's own). Needs OPENAI_API_KEY or OPENAI_BASE_URL; without them the local models are used.", Recursive = true };

    public Option<string?> Config { get; } = new("--config") { Description = "The settings file (default: memalign.json in the working directory, when there is one): store, experiment, model, baseUrl, json, verbose, prices. Flags beat environment variables, which beat the file; it never holds a secret.", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print machine-readable JSON results (for CI).", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show stack traces of unexpected errors.", Recursive = true };

    public void AddTo(Command root)
    {
        Experiment.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"--experiment needs a name; leave it out to work in the experiment '{IMemAlignStore.DefaultExperiment}'.");
            }
        });

        root.Options.Add(Store);
        root.Options.Add(Experiment);
        root.Options.Add(Model);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
        root.Options.Add(Config);
    }

    /// <summary>Whether the command line gives <paramref name="option"/> itself (not its default).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>A boolean flag's value when given, else the settings file's, else false.</summary>
    public static bool Flag(ParseResult parse, Option<bool> option, bool? fromFile) => Given(parse, option) ? parse.GetValue(option) : fromFile ?? false;
}

/// <summary>What a running command has: its options and settings, the store, the output, and the model choice.</summary>
internal sealed class CommandContext(ParseResult parse, GlobalOptions options, ToolSettings settings, IMemAlignStore store, CliOutput output)
{
    public ParseResult Parse { get; } = parse;

    public IMemAlignStore Store { get; } = store;

    public CliOutput Output { get; } = output;

    /// <summary>--experiment, else the settings file's, else the default experiment.</summary>
    public string Experiment { get; } = GlobalOptions.Given(parse, options.Experiment) ? parse.GetValue(options.Experiment)! : settings.Experiment ?? parse.GetValue(options.Experiment)!;

    public ModelChoice Models { get; } = new(parse.GetValue(options.Model) ?? settings.Model, settings, output);

    /// <summary>The settings file's values (none when there is no file).</summary>
    public ToolSettings Settings { get; } = settings;

    /// <summary>The latest (or given) version of a registered judge, or a usage error saying how to register it.</summary>
    public async Task<RegisteredJudge> JudgeAsync(string name, int? version, CancellationToken cancellationToken) =>
        await Store.GetJudgeAsync(Experiment, name, version, cancellationToken).ConfigureAwait(false)
        ?? throw new UsageException(version is null
            ? $"No judge '{name}' is registered in experiment '{Experiment}' of {Store.Description}; register it with 'memalign judges register --assembly PATH'."
            : $"Judge '{name}' has no version {version} in experiment '{Experiment}'; see 'memalign judges versions {name}'.");
}

/// <summary>Runs a command's body: opens the store, and turns every failure into a message and an exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Sets what the command does; <paramref name="readOnly"/> commands open the store without writing to it (so a read-only store serves them).</summary>
    public static void SetBody(Command command, GlobalOptions options, Func<CommandContext, CancellationToken, Task<int>> body, bool readOnly = false) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, body, readOnly, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, GlobalOptions options, Func<CommandContext, CancellationToken, Task<int>> body, bool readOnly, CancellationToken cancellationToken)
    {
        // The tool read the key, so it masks it in what it prints, whichever library's message quotes it.
        var redactor = SecretRedactor.For(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable));
        string OneLine(string message) => redactor.Redact(CliHints.Add(Joined(message)));
        ToolSettings settings;
        try
        {
            settings = SettingsFile.Load(parse.GetValue(options.Config), Environment.CurrentDirectory);
        }
        catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException)
        {
            return Output(parse, options).Error(ErrorJson.Usage, OneLine(e.Message), ExitCodes.Usage);
        }

        var output = Output(parse, options, settings);
        try
        {
            await using var store = await StoreChoice.OpenAsync(parse.GetValue(options.Store), settings.Store, readOnly, cancellationToken).ConfigureAwait(false);
            return await body(new CommandContext(parse, options, settings, store, output), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UsageException or StoreException or JudgeDefinitionException or ModelConfigurationException or FileNotFoundException or DirectoryNotFoundException)
        {
            return output.Error(ErrorJson.Usage, OneLine(e.Message), ExitCodes.Usage);
        }
        catch (FindingsException e)
        {
            return output.Error(ErrorJson.Findings, OneLine(e.Message), ExitCodes.Findings);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return output.Error(ErrorJson.Cancelled, "cancelled; what finished was saved.", ExitCodes.Findings);
        }
        catch (Exception e)
        {
            return output.Error(ErrorJson.Failure, OneLine(e.Message), ExitCodes.Findings,
                GlobalOptions.Flag(parse, options.Verbose, settings.Verbose) ? Environment.NewLine + redactor.Redact(e.ToString()) : " (run with --verbose for details)");
        }
    }

    /// <summary>The output of the command <paramref name="parse"/> names: JSON documents with --json (or the settings file's <c>json</c>).</summary>
    public static CliOutput Output(ParseResult parse, GlobalOptions options, ToolSettings? settings = null) =>
        new(JsonRequested(parse, options) ?? settings?.Json ?? false, CommandName(parse), Console.Out, Console.Error);

    // --json when given, also on a command line with errors elsewhere (their document is JSON too); null when not given.
    private static bool? JsonRequested(ParseResult parse, GlobalOptions options) =>
        parse.GetResult(options.Json) is { Implicit: false } json && !parse.Errors.Any(e => e.SymbolResult == json) ? json.GetValueOrDefault<bool>() : null;

    // "judges list": the subcommands' names under the root; null when the command line names none.
    private static string? CommandName(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names.Count == 0 ? null : string.Join(' ', names);
    }

    // An error is one line: a message that spans several (an inner exception's, say) is joined.
    private static string Joined(string message) => string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
