using System.Net;
using MemAlign.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MemAlign.Labeling;

/// <summary>
/// The labeling app: a local web server where reviewers label a labeling session's traces in their browser, each
/// through their own link. Every label is written to the store at once as a HUMAN assessment, so alignment and
/// experiments use it straight away, and a new server on the same store resumes where each reviewer stopped.
/// </summary>
public sealed class LabelingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly LabelingApp _served;
    private int _disposed;

    private LabelingServer(WebApplication app, CancellationTokenSource stopping, LabelingApp served, Uri address, IReadOnlyList<ReviewerLink> links, IReadOnlyList<string> warnings, Uri operatorLink)
    {
        OperatorLink = operatorLink;
        _app = app;
        _stopping = stopping;
        _served = served;
        Address = address;
        Links = links;
        Warnings = warnings;
    }

    /// <summary>
    /// The server's address (without a token: opening it gives 401): the public URL when one was given, else where it
    /// listens (listening on every address, by this machine's name, never 0.0.0.0).
    /// </summary>
    public Uri Address { get; }

    /// <summary>What the operator should read before sending the links: the server is reachable beyond this machine over plain HTTP; empty on loopback.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>One link per reviewer, each with its own token; the session's reviewers in order, or the one <see cref="LabelingServerOptions.Reviewer"/>.</summary>
    public IReadOnlyList<ReviewerLink> Links { get; }

    /// <summary>
    /// The operator's link, with a token of its own (fresh at each start): each reviewer's progress, their agreement and the
    /// judge's against each. Reviewers see only their own progress and the totals; keep this link from them.
    /// </summary>
    public Uri OperatorLink { get; }

    /// <summary>Starts serving <paramref name="options"/>' session.</summary>
    /// <exception cref="ArgumentException">The options are incomplete: no reviewer for a session without reviewers, a bad token, a host that is not an IP address or localhost, a public URL with a path.</exception>
    /// <exception cref="InvalidOperationException">The session does not exist, or its judge is not registered.</exception>
    public static async Task<LabelingServer> StartAsync(LabelingServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBodyBytes);
        var stopping = new CancellationTokenSource();
        LabelingApp served;
        try
        {
            served = await LabelingApp.LoadAsync(options, options.Logger, stopping.Token, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            stopping.Dispose();
            throw;
        }

        var session = served.Served.Session;
        ReviewerTokens tokens;
        ServerAddresses addresses;
        try
        {
            var reviewers = session.Reviewers.Count > 0 ? session.Reviewers
                : [!string.IsNullOrWhiteSpace(options.Reviewer) ? options.Reviewer
                    : throw new ArgumentException($"Labeling session '{session.Name}' names no reviewers; say whose labels the link gives ({nameof(options.Reviewer)}).", nameof(options))];
            tokens = ReviewerTokens.Create(reviewers, options.Tokens);
            addresses = ServerAddresses.Of(options);
        }
        catch
        {
            served.Dispose();
            stopping.Dispose();
            throw;
        }

        var cookies = new ServerCookies { Secure = addresses.Secure };
        var app = Build(options, addresses, cookies);
        var gate = new TokenGate(tokens, cookies, new TokenThrottle(options.TimeProvider), options.Logger);

        app.Use(async (context, next) =>
        {
            SecurityHeaders.Add(context.Response);
            if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (addresses.Secure)
            {
                // Behind the HTTPS proxy the operator named: the browser's request came over HTTPS.
                context.Request.Scheme = Uri.UriSchemeHttps;
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseHostFiltering();
        app.Use((context, next) => FailureLog.InvokeAsync(context, next, options.Logger));
        app.Use((context, next) => gate.InvokeAsync(context, next));
        app.UseRouting();
        LabelingEndpoints.Map(app.MapGroup(""), _ => served);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            served.Dispose();
            throw;
        }

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        cookies.Port = bound.Port;
        var address = addresses.LinkBase(bound.Port);
        var links = tokens.All.Select(t => new ReviewerLink(t.Reviewer, new Uri(address, "/?token=" + t.Token))).ToList();
        return new LabelingServer(app, stopping, served, address, links, addresses.Warnings(bound.Port), new Uri(address, "/status?token=" + tokens.Operator));
    }

    /// <summary>Stops serving; labels already submitted are in the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _served.Dispose();
    }

    private static WebApplication Build(LabelingServerOptions options, ServerAddresses addresses, ServerCookies cookies)
    {
        // An empty builder: no configuration files or environment variables can change where it listens, and no logging
        // (request logs would hold the tokens of the links).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LabelingServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(addresses.Listen, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, CallerLifetime>();
        builder.Services.AddRoutingCore();
        builder.Services.AddHostFiltering(hosts =>
        {
            hosts.AllowedHosts = [.. addresses.AllowedHosts()];
            hosts.AllowEmptyHosts = false;
            hosts.IncludeFailureMessage = false;
        });
        builder.Services.AddSingleton(options.TimeProvider);
        // Keys for the antiforgery tokens live in memory: a restarted server hands out new ones when the page reloads.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery();
        builder.Services.AddOptions<AntiforgeryOptions>().Configure(antiforgery =>
        {
            antiforgery.HeaderName = "X-CSRF-TOKEN";
            antiforgery.Cookie.Name = cookies.Antiforgery;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SecurePolicy = addresses.Secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        return builder.Build();
    }
}
