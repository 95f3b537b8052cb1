namespace Drivechain.Node.Rpc;

/// <summary>What the HTTP layer writes: a status code, an optional JSON body, and actions to run after writing.</summary>
public sealed record RpcReply(int StatusCode, string? Body, IReadOnlyList<Action> AfterReply)
{
    public static RpcReply Status(int statusCode, string? text = null) => new(statusCode, text, []);
}
