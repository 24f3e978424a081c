using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MemAlign.Labeling;

/// <summary>Mounts the labeling app in an ASP.NET Core host, under the host's own sign-in.</summary>
public static class LabelingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="options"/>' labeling session at <paramref name="pattern"/> (for example <c>/labeling</c>): the
    /// same page and API as <c>memalign label serve</c>, but people sign in with the host's authentication instead of a
    /// link with a token, and each labels as the reviewer <see cref="LabelingEndpointOptions.ReviewerOf"/> names. Every
    /// route requires an authenticated user (add your own policy with <c>RequireAuthorization(...)</c> on the result);
    /// writes carry the host's antiforgery tokens, tied to the signed-in user. The session and its judge are read from the
    /// store at the first request (a missing one is answered 503 with the reason, and read again at the next).
    /// </summary>
    /// <param name="endpoints">The host's routes (a <c>WebApplication</c>).</param>
    /// <param name="pattern">Where the app is served; its page is at <paramref name="pattern"/> followed by <c>/</c>.</param>
    /// <param name="options">The session, its store, and who labels as whom.</param>
    /// <returns>The app's routes, to add conventions to (an authorization policy, say).</returns>
    /// <exception cref="InvalidOperationException">The host has no antiforgery services (<c>builder.Services.AddAntiforgery()</c>) or no authorization services (<c>builder.Services.AddAuthorization()</c>).</exception>
    public static IEndpointConventionBuilder MapMemAlignLabeling(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, LabelingEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBodyBytes);

        var services = endpoints.ServiceProvider;
        _ = services.GetService<IAntiforgery>() ?? throw new InvalidOperationException(
            "The labeling app's writes carry antiforgery tokens, and this host has no antiforgery services: call builder.Services.AddAntiforgery() before MapMemAlignLabeling.");
        _ = services.GetService<IAuthorizationService>() ?? throw new InvalidOperationException(
            "The labeling app admits only signed-in users, and this host has no authorization services: call builder.Services.AddAuthorization() (and set up authentication) before MapMemAlignLabeling.");
        if (services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName is null)
        {
            throw new InvalidOperationException("The labeling app sends its antiforgery token in a header, and this host's AntiforgeryOptions.HeaderName is null: set a header name.");
        }

        var logger = options.Logger is NullLogger
            ? services.GetService<ILoggerFactory>()?.CreateLogger("MemAlign.Labeling") ?? NullLogger.Instance
            : options.Logger;
        var lifetime = services.GetService<IHostApplicationLifetime>();
        var hosted = new HostedLabelingApp(options, logger, lifetime?.ApplicationStopping ?? CancellationToken.None);
        lifetime?.ApplicationStopped.Register(hosted.Dispose);

        var routes = endpoints.MapGroup(pattern);
        routes.RequireAuthorization();
        routes.AddEndpointFilter(hosted.AdmitAsync);
        LabelingEndpoints.Map(routes, HostedLabelingApp.Of);
        return routes;
    }
}
