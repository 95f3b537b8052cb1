using Drivechain.Node.Hosting;
using Microsoft.Extensions.Hosting;

namespace Drivechain.Node.Grpc;

/// <summary>
/// What gRPC <c>Stop</c> stops: the hosting process's lifetime (the node's or the sidecar's, not the API's own web host),
/// and for the node its readiness, which turns Stopping first.
/// </summary>
public sealed class GrpcStopControl(IHostApplicationLifetime lifetime, NodeReadiness? readiness = null)
{
    /// <summary>True once the process is stopping.</summary>
    public bool IsStopping => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Marks the node Stopping (if any); <see cref="Stop"/> then ends the process.</summary>
    public void Announce(string reason) => readiness?.Transition(NodeState.Stopping, reason);

    /// <summary>Stops the process cleanly.</summary>
    public void Stop() => lifetime.StopApplication();
}
