using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MemAlign.Labeling;

/// <summary>The app's routes: the page and its assets, the JSON API it calls, and the antiforgery check on every write.</summary>
internal static class LabelingEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ItemViews views, LabelWriter writer, ServedSession served)
    {
        // Every handler takes more than the HttpContext: a lambda of the HttpContext alone would be taken for a
        // RequestDelegate, and the result it returns would never be written.
        // One page; the script shows an item, the "complete" view or the status by the address's #fragment.
        app.MapGet("/", () => EmbeddedAssets.Serve("index.html"));
        app.MapGet("/status", () => Results.Redirect("/#status"));
        app.MapGet("/app.js", () => EmbeddedAssets.Serve("app.js"));
        app.MapGet("/app.css", () => EmbeddedAssets.Serve("app.css"));

        // A trace id travels as the query parameter traceId, never in the path: ids may hold '/', '%', '?', '#' or be '..'.
        var api = app.MapGroup("/api");
        api.MapGet("/session", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Json(views.Session(TokenGate.IsOperator(context) ? null : TokenGate.ReviewerOf(context), antiforgery.GetAndStoreTokens(context).RequestToken!)));
        api.MapGet("/next", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(new NextView(await served.NextAsync(TokenGate.ReviewerOf(context), cancellationToken).ConfigureAwait(false))));
        api.MapGet("/item", (string traceId, HttpContext context, CancellationToken cancellationToken) =>
            ItemAsync(views, served, TokenGate.ReviewerOf(context), traceId, cancellationToken));
        api.MapGet("/status", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(await views.StatusAsync(TokenGate.IsOperator(context) ? null : TokenGate.ReviewerOf(context), cancellationToken).ConfigureAwait(false)));

        var writes = api.MapGroup("").AddEndpointFilter(RequireAntiforgeryAsync);
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
                : Outcome(await writer.SubmitAsync(TokenGate.ReviewerOf(context), traceId, request, cancellationToken).ConfigureAwait(false));
        });
        writes.MapPost("/skip", async (string traceId, HttpContext context, CancellationToken cancellationToken) =>
        {
            var reviewer = TokenGate.ReviewerOf(context);
            if (!served.IsQueued(traceId))
            {
                // Only the queue's ids are remembered: what a reviewer skips cannot grow beyond the session.
                return Results.Json(new ProblemView($"Trace '{traceId}' is not in this session."), statusCode: StatusCodes.Status404NotFound);
            }

            served.Skip(reviewer, traceId);
            return Results.Json(new NextView(await served.NextAsync(reviewer, cancellationToken).ConfigureAwait(false)));
        });
        writes.MapPost("/undo", async (HttpContext context, CancellationToken cancellationToken) =>
            Outcome(await writer.UndoAsync(TokenGate.ReviewerOf(context), cancellationToken).ConfigureAwait(false)));
    }

    // An item that cannot be shown is set aside for the reviewer (skipped: not offered again by this server), so one
    // broken trace never holds them up; the page lets them skip it too.
    private static async Task<IResult> ItemAsync(ItemViews views, ServedSession served, string reviewer, string traceId, CancellationToken cancellationToken)
    {
        try
        {
            return await views.ItemAsync(reviewer, traceId, cancellationToken).ConfigureAwait(false) is { } item
                ? Results.Json(item)
                : Results.Json(new ProblemView($"Trace '{traceId}' is not in this session."), statusCode: StatusCodes.Status404NotFound);
        }
#pragma warning disable CA1031 // Whatever broke, the reviewer moves on; the trace is named.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            served.Skip(reviewer, traceId);
            return Results.Json(new ProblemView($"Trace '{traceId}' could not be shown ({e.GetType().Name}); it is set aside: press s to move on."),
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Outcome(WriteOutcome outcome) =>
        outcome.Error is { } error ? Results.Json(new ProblemView(error), statusCode: outcome.Status) : Results.Json(new NextView(outcome.Next));

    // A write must carry the token the page was given (header X-CSRF-TOKEN) matching its antiforgery cookie: another
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
            // The token is the reviewer's (TokenGate makes them the request's user): a tab opened before another reviewer's
            // link was opened in this browser carries the earlier reviewer's, and must not write as the new one.
            return Results.Json(new ProblemView($"This page is out of date: this browser now holds the link of '{TokenGate.ReviewerOf(context)}' (another link was opened in it, " +
                "or the server restarted). Nothing was saved; reload the page."), statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(invocation).ConfigureAwait(false);
    }
}
