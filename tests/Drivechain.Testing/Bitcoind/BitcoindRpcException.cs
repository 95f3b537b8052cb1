namespace Drivechain.Testing.Bitcoind;

/// <summary>Bitcoin Core answered a JSON-RPC call with an error object.</summary>
public sealed class BitcoindRpcException(string method, int code, string message)
    : Exception($"bitcoind {method}: {message} (code {code})")
{
    /// <summary>Core's RPC error code.</summary>
    public int Code { get; } = code;
}
