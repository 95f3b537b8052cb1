namespace Drivechain.Node.Rpc;

/// <summary>A group of RPC methods (one category); every registered provider's methods form the method table.</summary>
public interface IRpcMethodProvider
{
    IEnumerable<RpcMethod> GetMethods();
}
