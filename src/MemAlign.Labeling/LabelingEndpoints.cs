using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace MemAlign.Labeling;

/// <summary>The app's routes: the page and its assets, the JSON API it calls, and the antiforgery check on every write.</summary>
internal static class LabelingEndpoints
{
    /// <summary>Maps the app's routes on <paramref name="routes"/>; <paramref name="appOf"/> gives the served session a request is for.</summary>
    public static void Map(RouteGroupBuilder routes, Func<HttpContext, LabelingApp> appOf)
    {
        // Every handler takes more than the HttpContext: a lambda of the HttpContext alone would be taken for a
        // RequestDelegate, and the result it returns would never be written.
        // One page; the script shows an item, the "complete" view or the status by the address's #fragment. The page
        // names its script, style and API relative to itself, so the app works at a host's path as at a server's root.
        routes.MapGet("/", (HttpContext context) => PageAt(context)).WithMetadata(StaticAsset.Instance);
        routes.MapGet("/status", (HttpContext context) => Results.Redirect("./#status")).WithMetadata(StaticAsset.Instance);
        routes.MapGet("/app.js", (HttpContext context) => EmbeddedAssets.Serve("app.js")).WithMetadata(StaticAsset.Instance);
        routes.MapGet("/app.css", (HttpContext context) => EmbeddedAssets.Serve("app.css")).WithMetadata(StaticAsset.Instance);

        // A trace id travels as the query parameter traceId, never in the path: ids may hold '/', '%', '?', '#' or be '..'.
        var api = routes.MapGroup("/api");
        api.MapGet("/session", (HttpContext context, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions) =>
            Results.Json(appOf(context).Views.Session(LabelingIdentity.ReviewerOf(context), antiforgery.GetAndStoreTokens(context).RequestToken!, antiforgeryOptions.Value.HeaderName!)));
        api.MapGet("/status", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(await appOf(context).Views.StatusAsync(LabelingIdentity.ReviewerOf(context), cancellationToken).ConfigureAwait(false)));

        // The rest labels: a reviewer's, never the operator's.
        var reviewing = api.MapGroup("").AddEndpointFilter(RequireReviewerAsync);
        reviewing.MapGet("/next", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(new NextView(await appOf(context).Served.NextAsync(Reviewer(context), cancellationToken).ConfigureAwait(false))));
        reviewing.MapGet("/item", (string traceId, HttpContext context, CancellationToken cancellationToken) =>
            ItemAsync(appOf(context), Reviewer(context), traceId, cancellationToken));

        var writes = reviewing.MapGroup("").AddEndpointFilter(RequireAntiforgeryAsync);
        writes.MapPost("/label", async (string traceId, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (!context.Request.HasJsonContentType())
            {
                return Results.Json(new ProblemView("Send the label as JSON (Content-Type: application/json)."), statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            LabelRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<LabelRequest>(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                request = null;
            }

            return request is null
                ? Results.Json(new ProblemView("The label is not valid JSON."), statusCode: StatusCodes.Status400BadRequest)
                : Outcome(await appOf(context).Writer.SubmitAsync(Reviewer(context), traceId, request, cancellationToken).ConfigureAwait(false));
        });
        writes.MapPost("/skip", async (string traceId, HttpContext context, CancellationToken cancellationToken) =>
        {
            var reviewer = Reviewer(context);
            var served = appOf(context).Served;
            if (!served.IsQueued(traceId))
            {
                // Only the queue's ids are remembered: what a reviewer skips cannot grow beyond the session.
                return Results.Json(new ProblemView($"Trace '{traceId}' is not in this session."), statusCode: StatusCodes.Status404NotFound);
            }

            served.Skip(reviewer, traceId);
            return Results.Json(new NextView(await served.NextAsync(reviewer, cancellationToken).ConfigureAwait(false)));
        });
        writes.MapPost("/undo", async (HttpContext context, CancellationToken cancellationToken) =>
            Outcome(await appOf(context).Writer.UndoAsync(Reviewer(context), cancellationToken).ConfigureAwait(false)));
    }

    // The page's relative addresses resolve against a path that ends with '/': "/labeling" moves to "/labeling/".
    private static IResult PageAt(HttpContext context)
    {
        var path = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
        return path.EndsWith('/') ? EmbeddedAssets.Serve("index.html") : Results.Redirect(path + "/");
    }

    private static string Reviewer(HttpContext context) => LabelingIdentity.ReviewerOf(context)!;

    private static async ValueTask<object?> RequireReviewerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        LabelingIdentity.ReviewerOf(invocation.HttpContext) is null
            ? Results.Json(new ProblemView("The operator's view shows the session's progress and agreement; labels are given as a reviewer."), statusCode: StatusCodes.Status403Forbidden)
            : await next(invocation).ConfigureAwait(false);

    // An item that cannot be shown is set aside for the reviewer (skipped: not offered again by this server), so one
    // broken trace never holds them up; the page lets them skip it too.
    private static async Task<IResult> ItemAsync(LabelingApp app, string reviewer, string traceId, CancellationToken cancellationToken)
    {
        try
        {
            return await app.Views.ItemAsync(reviewer, traceId, cancellationToken).ConfigureAwait(false) is { } item
                ? Results.Json(item)
                : Results.Json(new ProblemView($"Trace '{traceId}' is not in this session."), statusCode: StatusCodes.Status404NotFound);
        }
#pragma warning disable CA1031 // Whatever broke, the reviewer moves on; the trace is named.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            app.Served.Skip(reviewer, traceId);
            return Results.Json(new ProblemView($"Trace '{traceId}' could not be shown ({e.GetType().Name}); it is set aside: press s to move on."),
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Outcome(WriteOutcome outcome) =>
        outcome.Error is { } error ? Results.Json(new ProblemView(error), statusCode: outcome.Status) : Results.Json(new NextView(outcome.Next));

    // A write must carry the token the page was given (in the antiforgery header the session view names) matching its antiforgery cookie: another
    // site cannot make the reviewer's browser label on their behalf.
    private static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery;
        try
        {
            await antiforgery!.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            // The token is the reviewer's (the request's user is the reviewer: the token gate's, or the host's sign-in): a tab opened before another reviewer's
            // link was opened in this browser carries the earlier reviewer's, and must not write as the new one.
            return Results.Json(new ProblemView($"This page is out of date: this browser now labels as '{LabelingIdentity.ReviewerOf(context)}' (another link was opened in it, " +
                "someone else signed in, or the server restarted). Nothing was saved; reload the page."), statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>Marks the page and its assets: the same for everyone, holding nothing of the session.</summary>
    internal sealed class StaticAsset
    {
        public static readonly StaticAsset Instance = new();
    }
}
