namespace Drivechain.Node.Rpc;

/// <summary>One argument of an RPC method: name (for named parameters), kind, whether required, help text.</summary>
public sealed record RpcArg(string Name, RpcArgType Type, bool Required, string Description, string? Default = null)
{
    public static RpcArg Req(string name, RpcArgType type, string description) => new(name, type, true, description);

    public static RpcArg Opt(string name, RpcArgType type, string description, string? defaultValue = null) =>
        new(name, type, false, description, defaultValue);

    internal string TypeName => Type switch
    {
        RpcArgType.String or RpcArgType.Hex => "string",
        RpcArgType.Number => "numeric",
        RpcArgType.Amount => "numeric or string",
        RpcArgType.Boolean => "boolean",
        RpcArgType.Object => "json object",
        RpcArgType.Array => "json array",
        _ => "any",
    };
}
