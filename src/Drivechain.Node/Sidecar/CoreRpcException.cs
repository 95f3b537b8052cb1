namespace Drivechain.Node.Sidecar;

/// <summary>Bitcoin Core answered a JSON-RPC call with an error object (its code and message), or with no usable body.</summary>
public sealed class CoreRpcException(string method, int code, string message)
    : Exception($"{method}: {message} (code {code})")
{
    /// <summary>The method called.</summary>
    public string Method { get; } = method;

    /// <summary>Core's RPC error code (e.g. -8 for a height out of range, -28 while warming up), or the HTTP status.</summary>
    public int Code { get; } = code;
}
