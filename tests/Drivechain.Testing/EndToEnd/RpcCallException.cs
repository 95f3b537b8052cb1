namespace Drivechain.Testing.EndToEnd;

/// <summary>A JSON-RPC error reply, with Core's code and message.</summary>
public sealed class RpcCallException(int code, string message) : Exception($"RPC error {code}: {message}")
{
    public int Code { get; } = code;
    public string RpcMessage { get; } = message;
}
