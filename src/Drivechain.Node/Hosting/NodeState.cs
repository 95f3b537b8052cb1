namespace Drivechain.Node.Hosting;

/// <summary>Readiness of the node: RPC answers in every state, chain RPCs need <see cref="Ready"/>.</summary>
public enum NodeState
{
    Starting,
    Syncing,
    Ready,
    Stopping,
}
