using System.CommandLine;
using System.CommandLine.Parsing;

namespace MemAlign.Cli;

/// <summary>One value an option can take: the name the user types and --help lists, and what it stands for.</summary>
/// <param name="Name">The name, such as "recent".</param>
/// <param name="Value">What it stands for, such as <see cref="TiePolicy.MostRecent"/>.</param>
internal sealed record Choice<T>(string Name, T Value)
{
    /// <summary>The name: --help shows the default by it.</summary>
    public override string ToString() => Name;
}

/// <summary>
/// Options whose value is one of a few names, each standing for a value (an enum member): System.CommandLine
/// parses them (any case), --help lists the names and the default, and any other value is a usage error
/// (exit 2) that lists them.
/// </summary>
internal static class ChoiceOption
{
    /// <summary>An option taking one of <paramref name="choices"/>; the first when absent.</summary>
    public static Option<Choice<T>> One<T>(string name, string description, params Choice<T>[] choices)
    {
        var option = new Option<Choice<T>>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices.Select(c => c.Name)),
            DefaultValueFactory = _ => choices[0],
            CustomParser = result => Parse(result, result.Tokens[^1].Value, choices),
        };
        option.CompletionSources.Add([.. choices.Select(c => c.Name)]);
        return option;
    }

    /// <summary>An option taking several of <paramref name="choices"/>, repeated or comma-separated, each once; all of them when absent.</summary>
    public static Option<Choice<T>[]> Many<T>(string name, string description, params Choice<T>[] choices)
    {
        var option = new Option<Choice<T>[]>(name)
        {
            Description = description,
            HelpName = string.Join(',', choices.Select(c => c.Name)),
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => choices,
            CustomParser = result => [.. result.Tokens
                .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(value => Parse(result, value, choices))
                .Distinct()],
        };
        option.CompletionSources.Add([.. choices.Select(c => c.Name)]);
        return option;
    }

    private static Choice<T> Parse<T>(ArgumentResult result, string value, Choice<T>[] choices)
    {
        if (choices.FirstOrDefault(c => string.Equals(c.Name, value, StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return choice;
        }

        var option = result.Parent is OptionResult parent ? parent.Option.Name : result.Argument.Name;
        result.AddError($"{option} '{value}' is not {string.Join(", ", choices.SkipLast(1).Select(c => c.Name))} or {choices[^1].Name}.");
        return choices[0];
    }
}
