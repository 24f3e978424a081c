using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling.Tests;

/// <summary>
/// A user's ASP.NET Core app with its own sign-in (cookie authentication; <c>/signin?user=maria&amp;role=admin</c> stands in
/// for its login form) and the labeling app mounted at <c>/labeling</c>, on a loopback port.
/// </summary>
internal sealed class SignInHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SignInHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SignInHost> StartAsync(LabelingScenario scenario, Func<LabelingEndpointOptions, LabelingEndpointOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookies => cookies.LoginPath = "/login");
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login", () => Results.Text("The host's login page.", statusCode: StatusCodes.Status401Unauthorized));
        app.MapGet("/signin", async (string user, string? role, HttpContext context) =>
        {
            Claim[] claims = role is null ? [new(ClaimTypes.Name, user)] : [new(ClaimTypes.Name, user), new(ClaimTypes.Role, role)];
            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.Redirect("/labeling");
        });
        configure ??= options => options;
        app.MapMemAlignLabeling("/labeling", configure(new LabelingEndpointOptions
        {
            Traces = scenario.Store,
            Judges = scenario.Store,
            Sessions = scenario.Store,
            Experiment = scenario.Experiment,
            SessionName = LabelingScenario.SessionName,
            Verdicts = scenario.LocalVerdicts(),
            IsOperator = user => user.IsInRole("admin"),
        }));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new SignInHost(app, address);
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> (none: anonymous), with the app's antiforgery header once it read the session.</summary>
    public async Task<HttpClient> ClientAsync(string? user, string? role = null)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        if (user is not null)
        {
            var signIn = await http.GetAsync($"/signin?user={Uri.EscapeDataString(user)}" + (role is null ? "" : $"&role={role}"));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
