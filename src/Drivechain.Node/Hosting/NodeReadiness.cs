using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>Holds the node's readiness and logs every transition with its reason.</summary>
public sealed partial class NodeReadiness(ILogger<NodeReadiness> log)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NodeState State { get; private set; } = NodeState.Starting;

    /// <summary>Completes when the node first becomes ready.</summary>
    public Task WhenReady => _ready.Task;

    public void Transition(NodeState next, string reason)
    {
        NodeState previous;
        lock (_gate)
        {
            previous = State;
            if (previous == next) return;
            State = next;
        }
        LogTransition(log, previous, next, reason);
        if (next == NodeState.Ready) _ready.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node state {OldState} -> {NewState}: {Reason}")]
    private static partial void LogTransition(ILogger logger, NodeState oldState, NodeState newState, string reason);
}
