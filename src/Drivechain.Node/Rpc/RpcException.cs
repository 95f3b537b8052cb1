namespace Drivechain.Node.Rpc;

/// <summary>
/// A JSON-RPC error answer (Core's <c>JSONRPCError</c>): thrown by a method handler for bad input and turned into
/// the reply's <c>error</c> object by <see cref="RpcDispatcher"/>. Not used inside the core libraries.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(int code, string message) : base(message) => Code = code;

    public RpcException() : this(RpcErrorCode.MiscError, "error") { }

    public RpcException(string message) : this(RpcErrorCode.MiscError, message) { }

    public RpcException(string message, Exception innerException) : base(message, innerException) => Code = RpcErrorCode.MiscError;

    public int Code { get; }
}
