using Microsoft.Extensions.Hosting;

namespace Drivechain.Node.Rpc;

/// <summary>The embedded web host must not react to Ctrl-C itself: the node host owns the lifetime.</summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
