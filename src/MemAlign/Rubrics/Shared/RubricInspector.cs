using System;
using System.Collections.Generic;
using System.Linq;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Syntax;

namespace MemAlign.Rubrics;

/// <summary>
/// Parses a rubric with Scriban and finds its free variables: the names it reads from the data it is
/// rendered with, as opposed to Scriban's built-in functions, members (<c>inputs.question</c>), loop
/// variables, assignments and functions the rubric defines itself.
/// </summary>
internal static class RubricInspector
{
    // Scriban's own global names (string, array, date, math, ...), taken from the parser's version so
    // that a newer Scriban's built-ins are never mistaken for data variables.
    private static readonly HashSet<string> BuiltinNames = new(new BuiltinFunctions().Keys, StringComparer.Ordinal);

    // Functions that would read files or evaluate text as a template; rubrics render without them.
    private static readonly HashSet<string> ForbiddenGlobals = new(StringComparer.Ordinal) { "include", "include_join" };
    private static readonly HashSet<string> ForbiddenObjectMembers = new(StringComparer.Ordinal) { "eval", "eval_template" };

    public static RubricInspection Inspect(string text)
    {
        var template = Template.Parse(text);
        var lines = new LineMap(text);
        var errors = new List<RubricFinding>();
        foreach (var message in template.Messages)
        {
            if (message.Type == ParserMessageType.Error)
            {
                var offset = message.Span.Start.Offset < 0 ? text.Length : message.Span.Start.Offset;
                errors.Add(lines.Finding(JudgeRuleIds.TemplateSyntax, "Invalid Scriban: " + message.Message, offset, 0));
            }
        }

        if (errors.Count == 0)
        {
            AddUnclosedCodeBlock(text, lines, errors);
        }

        var variables = new List<RubricVariable>();
        if (errors.Count == 0 && template.Page is not null)
        {
            var walker = new Walker(lines, errors);
            walker.CollectDefinitions(template.Page);
            walker.Visit(template.Page);
            variables.AddRange(walker.Uses.OrderBy(v => v.Offset));
        }

        return new RubricInspection(text, template, errors, variables);
    }

    // Scriban accepts a "{{" that is never closed (it ends the block at the end of the text); in a
    // rubric that is always a typo, so it is reported.
    private static void AddUnclosedCodeBlock(string text, LineMap lines, List<RubricFinding> errors)
    {
        var open = -1;
        foreach (var token in new Lexer(text))
        {
            if (token.Type == TokenType.CodeEnter)
            {
                open = token.Start.Offset;
            }
            else if (token.Type == TokenType.CodeExit)
            {
                open = -1;
            }
        }

        if (open >= 0)
        {
            errors.Add(lines.Finding(JudgeRuleIds.TemplateSyntax, "Invalid Scriban: this '{{' is never closed with '}}'.", open, 2));
        }
    }

    private sealed class Walker
    {
        private readonly LineMap _lines;
        private readonly List<RubricFinding> _errors;
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

        public Walker(LineMap lines, List<RubricFinding> errors)
        {
            _lines = lines;
            _errors = errors;
        }

        public List<RubricVariable> Uses { get; } = [];

        // Names the rubric defines anywhere (assignments, loops, captures, functions, parameters)
        // are its own, wherever they are used.
        public void CollectDefinitions(ScriptNode node)
        {
            switch (node)
            {
                case ScriptForStatement loop when loop.Variable is ScriptVariable variable:
                    _defined.Add(variable.Name);
                    break;
                case ScriptAssignExpression { Target: ScriptVariableGlobal target }:
                    _defined.Add(target.Name);
                    break;
                case ScriptCaptureStatement { Target: ScriptVariableGlobal target }:
                    _defined.Add(target.Name);
                    break;
                case ScriptFunction function:
                    if (function.NameOrDoToken is ScriptVariable name)
                    {
                        _defined.Add(name.Name);
                    }

                    if (function.Parameters is not null)
                    {
                        foreach (var parameter in function.Parameters)
                        {
                            if (parameter.Name is { } parameterName)
                            {
                                _defined.Add(parameterName.Name);
                            }
                        }
                    }

                    break;
            }

            ForEachChild(node, CollectDefinitions);
        }

        public void Visit(ScriptNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptMemberExpression member:
                    if (member.Target is ScriptVariableGlobal { Name: "object" } && member.Member is { } name && ForbiddenObjectMembers.Contains(name.Name))
                    {
                        Forbidden("object." + name.Name, "it would evaluate data as a template", name.Span.Start.Offset);
                    }

                    Visit(member.Target); // the member name is not a variable
                    return;
                case ScriptObjectMember objectMember:
                    Visit(objectMember.Value); // the key is not a variable
                    return;
                case ScriptNamedArgument argument:
                    Visit(argument.Value);
                    return;
                case ScriptWithStatement with:
                    // Inside "with", bare names are members of the object, not data variables.
                    Visit(with.Name);
                    return;
                case ScriptImportStatement import:
                    Forbidden("import", "rubrics are rendered without access to other templates", import.Span.Start.Offset);
                    return;
                case ScriptVariableGlobal global:
                    Use(global);
                    return;
            }

            ForEachChild(node, Visit);
        }

        private void Use(ScriptVariableGlobal variable)
        {
            var offset = variable.Span.Start.Offset;
            if (ForbiddenGlobals.Contains(variable.Name))
            {
                Forbidden(variable.Name, "rubrics are rendered without access to files or other templates", offset);
            }
            else if (!BuiltinNames.Contains(variable.Name) && !_defined.Contains(variable.Name))
            {
                var (line, column) = _lines.Position(offset);
                Uses.Add(new RubricVariable(variable.Name, offset, line, column));
            }
        }

        private void Forbidden(string what, string why, int offset) =>
            _errors.Add(_lines.Finding(JudgeRuleIds.TemplateSyntax, $"'{what}' is not allowed in a rubric: {why}.", offset, what.Length));

        private static void ForEachChild(ScriptNode node, Action<ScriptNode> action)
        {
            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    action(child);
                }
            }
        }
    }
}
