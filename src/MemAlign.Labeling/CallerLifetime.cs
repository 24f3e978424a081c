using Microsoft.Extensions.Hosting;

namespace MemAlign.Labeling;

/// <summary>
/// The server's lifetime is its caller's (<see cref="LabelingServer.DisposeAsync"/>): unlike the default console
/// lifetime it installs no Ctrl+C or SIGTERM handler, which would stop the server behind the application's back
/// and keep the application's own handler from running.
/// </summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
