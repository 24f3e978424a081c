using System.CommandLine;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign label serve</c>: the local labeling app (to be built).</summary>
internal static class LabelServeCommand
{
    public static Command Create(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Command("serve", "Serve a labeling session to reviewers in their browser.");
    }
}
