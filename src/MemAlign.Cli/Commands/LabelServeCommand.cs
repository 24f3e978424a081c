using System.CommandLine;
using MemAlign.Cli.Json;
using MemAlign.Labeling;

namespace MemAlign.Cli.Commands;

/// <summary>
/// <c>memalign label serve</c>: the labeling app (MemAlign.Labeling) for one session, on this machine, until Ctrl+C.
/// Prints one link per reviewer, each with its own token; the judge's verdicts beside each trace come from the
/// registered judge, on the same models <c>evaluate</c> uses (the local ones without OPENAI_API_KEY).
/// </summary>
internal static class LabelServeCommand
{
    // Different characters a fixed --token must hold at least (a random 16-character one holds about 14).
    private const int MinimumTokenVariety = 6;

    public static Command Create(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = new Option<string?>("--session") { Description = "The labeling session (may be left out when the experiment has exactly one)." };
        var host = new Option<string>("--host") { Description = "The address to listen on: an IP address or localhost (default 127.0.0.1, this machine only).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The port (default: any free one)." };
        var token = new Option<string?>("--token") { Description = "The link's token for a session with one reviewer (16+ letters, digits, '-' or '_'), for scripts; default: a random one." };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError($"--port {result.GetValueOrDefault<int>()} is not a port: give one from 1 to 65535, or leave it out for any free one.");
            }
        });
        token.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } given && WeakTokenProblem("--token", given) is { } weak)
            {
                result.AddError(weak);
            }
        });
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = "Read the link's token from a file ('-' for standard input) instead of --token, which shows in the process list and shell history.",
        };
        var reviewer = new Option<string?>("--reviewer") { Description = "Whose labels the link gives when the session names no reviewers (default: your user name)." };
        var publicUrl = new Option<string?>("--public-url")
        {
            Description = "The address reviewers reach the server at, for the links (a name on the network, or an HTTPS proxy in front of it), e.g. https://labels.example.org/.",
        };
        var secureCookies = new Option<bool>("--secure-cookies") { Description = "Send the cookies over HTTPS only, behind an HTTPS proxy (always so with an https --public-url)." };
        var command = new Command("serve", "Serve a labeling session to reviewers in their browser, until Ctrl+C; labels are feedback at once.") { session, host, port, token, tokenFile, reviewer, publicUrl, secureCookies };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var served = await SessionAsync(context, context.Parse.GetValue(session), cancellationToken).ConfigureAwait(false);
            var registered = await context.JudgeAsync(served.JudgeName, null, cancellationToken).ConfigureAwait(false);
            var reviewers = served.Reviewers.Count > 0 ? served.Reviewers : [context.Parse.GetValue(reviewer) ?? Environment.UserName];
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            if (await GivenTokenAsync(context.Parse.GetValue(token), context.Parse.GetValue(tokenFile), cancellationToken).ConfigureAwait(false) is { } given)
            {
                if (reviewers.Count != 1)
                {
                    throw new UsageException($"--token (or --token-file) sets the token of a session with one reviewer; '{served.Name}' has {reviewers.Count}, and each gets a random one.");
                }

                if (WeakTokenProblem("--token-file's token", given) is { } weak)
                {
                    throw new UsageException(weak);
                }

                tokens[reviewers[0]] = given;
            }

            IJudge judge = context.Models.Judge(registered);
            LabelingServer server;
            try
            {
                server = await LabelingServer.StartAsync(new LabelingServerOptions
                {
                    Traces = context.Store,
                    Judges = context.Store,
                    Sessions = context.Store,
                    Experiment = context.Experiment,
                    SessionName = served.Name,
                    Reviewer = reviewers[0],
                    Tokens = tokens,
                    Host = context.Parse.GetValue(host)!,
                    Port = context.Parse.GetValue(port),
                    PublicUrl = context.Parse.GetValue(publicUrl) is { } url
                        ? Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : throw new UsageException($"--public-url '{url}' is not an absolute URL, such as https://labels.example.org/.")
                        : null,
                    SecureCookies = context.Parse.GetValue(secureCookies),
                    Verdicts = judge.EvaluateAsync,
                    Logger = new NoticeLogger(context.Output),
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw UsageException.From(e);
            }
            catch (IOException e)
            {
                throw new UsageException($"Cannot listen on {context.Parse.GetValue(host)}:{context.Parse.GetValue(port)}: {e.Message}");
            }

            await using (server.ConfigureAwait(false))
            {
                foreach (var warning in server.Warnings)
                {
                    context.Output.Notice("Warning: " + warning);
                }

                context.Output.Line($"Labeling session '{served.Name}' (judge '{served.JudgeName}', {served.TraceIds.Count} trace(s)) at {server.Address}");
                foreach (var link in server.Links)
                {
                    context.Output.Line(server.Links.Count == 1 ? link.Url.ToString() : $"{link.Reviewer}: {link.Url}");
                }

                context.Output.Line($"operator (progress and agreement, for you only): {server.OperatorLink}");
                context.Output.Line("Each link carries its reviewer's token: send it to them only. Reviewers see their own progress; the operator's link shows everyone's and their agreement. Ctrl+C stops the server; labels are saved as they are given.");
                context.Output.Result(new LabelServeResult(served.Name, server.Address.ToString(), [.. server.Links.Select(l => new ReviewerLinkJson(l.Reviewer, l.Url.ToString()))],
                    server.OperatorLink.ToString()));
                await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    context.Output.Notice("Stopped; every label given is in the store.");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // A token anyone could guess is no lock: refuse a fixed one with hardly any variety ("aaaaaaaaaaaaaaaa").
    private static string? WeakTokenProblem(string what, string given) =>
        given.Length > 0 && given.Distinct().Count() < MinimumTokenVariety
            ? $"{what} is weak (it uses fewer than {MinimumTokenVariety} different characters) and could be guessed; leave it out for a random one, or give a random one (openssl rand -hex 16)."
            : null;

    // --token, or the first line of --token-file (standard input for '-'); not both.
    private static async Task<string?> GivenTokenAsync(string? token, string? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return token;
        }

        if (token is not null)
        {
            throw new UsageException("Give the token with --token or --token-file, not both.");
        }

        string text;
        try
        {
            text = file == "-" ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read the token file '{file}': {e.Message}");
        }

        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : throw new UsageException($"The token file '{file}' is empty; write the token on its first line.");
    }

    // The named session, or the experiment's only one.
    private static async Task<LabelingSession> SessionAsync(CommandContext context, string? name, CancellationToken cancellationToken)
    {
        if (name is not null)
        {
            return await context.Store.GetLabelingSessionAsync(context.Experiment, name, cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"There is no labeling session '{name}' in experiment '{context.Experiment}'; see 'memalign label list'.");
        }

        var sessions = await context.Store.ListLabelingSessionsAsync(context.Experiment, cancellationToken).ConfigureAwait(false);
        return sessions.Count switch
        {
            1 => sessions[0],
            0 => throw new UsageException($"Experiment '{context.Experiment}' has no labeling session; create one with 'memalign label create'."),
            _ => throw new UsageException($"Experiment '{context.Experiment}' has {sessions.Count} labeling sessions ({string.Join(", ", sessions.Select(s => s.Name))}); choose one with --session."),
        };
    }
}
