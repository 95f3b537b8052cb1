using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Core's AbortNode: a failure the node cannot continue after (its store could not be written) is logged with its
/// cause, the exit code becomes 1 and the host stops cleanly (flushing what is consistent) instead of staying Ready.
/// </summary>
public sealed partial class NodeFatalError(IHostApplicationLifetime lifetime, NodeReadiness readiness, ILogger<NodeFatalError> log)
{
    /// <summary>Stops the node because of <paramref name="reason"/>.</summary>
    public void Fail(string reason)
    {
        LogFatal(log, reason);
        readiness.Transition(NodeState.Stopping, "fatal storage error: " + reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Fatal error, shutting down: {Reason}")]
    private static partial void LogFatal(ILogger logger, string reason);
}
