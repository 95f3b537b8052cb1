namespace Drivechain.Node.Rpc;

/// <summary>Bitcoin Core's JSON-RPC error codes (src/rpc/protocol.h), same numbers and meanings.</summary>
public static class RpcErrorCode
{
    // Standard JSON-RPC 2.0 errors.
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ParseError = -32700;

    // General application defined errors.
    public const int MiscError = -1;
    public const int TypeError = -3;
    public const int InvalidAddressOrKey = -5;
    public const int OutOfMemory = -7;
    public const int InvalidParameter = -8;
    public const int DatabaseError = -20;
    public const int DeserializationError = -22;
    public const int VerifyError = -25;
    public const int VerifyRejected = -26;
    public const int VerifyAlreadyInChain = -27;
    public const int InWarmup = -28;
    public const int MethodDeprecated = -32;

    // P2P client errors.
    public const int ClientNotConnected = -9;
    public const int ClientInInitialDownload = -10;
    public const int ClientNodeAlreadyAdded = -23;
    public const int ClientNodeNotAdded = -24;
    public const int ClientNodeNotConnected = -29;
    public const int ClientInvalidIpOrSubnet = -30;
    public const int ClientP2PDisabled = -31;
}
