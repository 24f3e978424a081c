using System.CommandLine;
using System.CommandLine.Help;

namespace MemAlign.Cli;

/// <summary>The tool's root command, named as users type it.</summary>
internal static class ToolCommand
{
    /// <summary>The command the installed tool is run by (ToolCommandName in the project file).</summary>
    public const string Name = "memalign";

    /// <summary>
    /// A root named <see cref="Name"/> with help and version. Not <see cref="RootCommand"/>: it takes its name from the
    /// process's first argument, which for an installed tool is the assembly (MemAlign.Cli.dll), so help and usage would
    /// say "MemAlign.Cli". The assembly cannot be named memalign: assembly names are case-insensitive and MemAlign is the library's.
    /// </summary>
    public static Command Create(string description)
    {
        var root = new Command(Name, description);
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }
}
