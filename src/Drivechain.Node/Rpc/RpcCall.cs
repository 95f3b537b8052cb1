namespace Drivechain.Node.Rpc;

/// <summary>One call being executed: its method, its checked parameters, and actions to run after the reply is sent.</summary>
public sealed class RpcCall(RpcMethod method, RpcParameters parameters)
{
    private readonly List<Action> _afterReply = [];

    public RpcMethod Method { get; } = method;
    public RpcParameters Params { get; } = parameters;

    /// <summary>Runs <paramref name="action"/> once the HTTP reply has been written (the <c>stop</c> RPC uses it).</summary>
    public void AfterReply(Action action) => _afterReply.Add(action);

    internal IReadOnlyList<Action> AfterReplyActions => _afterReply;
}
