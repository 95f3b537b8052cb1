namespace Drivechain.Node.Rpc;

/// <summary>Argument kinds as in Core's <c>RPCArg::Type</c>; the JSON type each one requires is checked before the handler runs.</summary>
public enum RpcArgType
{
    String,
    Hex,
    Number,
    Amount,
    Boolean,
    Object,
    Array,
    /// <summary>Any JSON value (no type check), e.g. a string-or-number.</summary>
    Any,
}
