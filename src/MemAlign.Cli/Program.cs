// memalign: import traces, align, evaluate and register LLM judges, forget data. Exit codes: 0 ok,
// 1 findings or failures in the data, 2 usage or configuration errors, 3 a quality gate failed (--fail-under).
using System.CommandLine;
using MemAlign.Cli;
using MemAlign.Cli.Commands;
using MemAlign.Cli.Json;

var options = new GlobalOptions();
var root = ToolCommand.Create("memalign: align LLM judges with expert feedback (MemAlign), evaluate them, and keep them in a registry.");
options.AddTo(root);
root.Subcommands.Add(ImportCommand.Create(options));
root.Subcommands.Add(JudgesCommand.Create(options));
root.Subcommands.Add(EvaluateCommand.Create(options));
root.Subcommands.Add(AlignCommands.Align(options));
root.Subcommands.Add(AlignCommands.Unalign(options));
root.Subcommands.Add(ForgetCommand.Create(options));
root.Subcommands.Add(ExperimentCommands.Experiment(options));
root.Subcommands.Add(ExperimentCommands.Report(options));
root.Subcommands.Add(LabelCommands.Create(options));

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // One line each on standard error, and with --json one error document on standard output.
    var output = CommandRunner.Output(parse, options);
    foreach (var error in parse.Errors)
    {
        output.Notice("error: " + error.Message);
    }

    output.Notice("Run 'memalign --help' (or 'memalign COMMAND --help') for usage.");
    output.Result(new ErrorResult(new ErrorJson(ErrorJson.Usage, string.Join(" ", parse.Errors.Select(e => e.Message)), ExitCodes.Usage)));
    return ExitCodes.Usage;
}

// Ctrl+C cancels the command's token; the command then saves what finished and says so. System.CommandLine's
// default gives it two seconds before returning without a word, too short for a store to commit a batch.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
