using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// The app mounted in a host: reads its session at the first request (again after a failure), and admits each request
/// as the reviewer or operator the host's signed-in user is, with the headers, body limit and failure log the app's own
/// server gives.
/// </summary>
internal sealed class HostedLabelingApp(LabelingEndpointOptions options, ILogger logger, CancellationToken hostStopping) : IDisposable
{
    private const string AppItem = "memalign.app";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private LabelingApp? _app;

    /// <summary>The app a request admitted by <see cref="AdmitAsync"/> is for.</summary>
    public static LabelingApp Of(HttpContext context) => (LabelingApp)context.Items[AppItem]!;

    public async ValueTask<object?> AdmitAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        SecurityHeaders.Add(context.Response);
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large; shorten the comment.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // The routes require an authenticated user; this holds even if a host lifts that requirement.
            return Problem(StatusCodes.Status401Unauthorized, "Sign in to label.");
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<LabelingEndpoints.StaticAsset>() is not null)
        {
            // The page is the same for every signed-in user; its script asks the API, which says who may label and why not.
            return await next(invocation).ConfigureAwait(false);
        }

        LabelingApp app;
        try
        {
            app = await GetAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            LabelingLog.SessionUnavailable(logger, e);
            return Problem(StatusCodes.Status503ServiceUnavailable, "The labeling app is not ready: " + e.Message);
        }

        if (options.IsOperator(user))
        {
            LabelingIdentity.SetOperator(context);
        }
        else
        {
            var reviewer = options.ReviewerOf(user);
            var session = app.Served.Session;
            if (string.IsNullOrWhiteSpace(reviewer))
            {
                return Problem(StatusCodes.Status403Forbidden, "Your sign-in carries no reviewer name; ask whoever runs the labeling app.");
            }

            if (session.Reviewers.Count > 0 && !session.Reviewers.Contains(reviewer, StringComparer.Ordinal))
            {
                return Problem(StatusCodes.Status403Forbidden, $"You are signed in as '{reviewer}', who is not a reviewer of labeling session '{session.Name}'; ask whoever runs it to add you.");
            }

            LabelingIdentity.SetReviewer(context, reviewer);
        }

        context.Items[AppItem] = app;
        return await FailureLog.FilterAsync(invocation, next, logger).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _app?.Dispose();
        _loading.Dispose();
    }

    private async Task<LabelingApp> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _app) is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_app is null)
            {
                Volatile.Write(ref _app, await LabelingApp.LoadAsync(options, logger, hostStopping, cancellationToken).ConfigureAwait(false));
            }

            return _app;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static IResult Problem(int status, string error) => Results.Json(new ProblemView(error), statusCode: status);
}
