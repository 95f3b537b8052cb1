using System.Collections.Frozen;

namespace Drivechain.Node.Rpc;

/// <summary>All RPC methods by name, collected from the registered <see cref="IRpcMethodProvider"/>s.</summary>
public sealed class RpcMethodTable
{
    private readonly FrozenDictionary<string, RpcMethod> _methods;

    public RpcMethodTable(IEnumerable<IRpcMethodProvider> providers)
    {
        var methods = new Dictionary<string, RpcMethod>(StringComparer.Ordinal);
        foreach (var method in providers.SelectMany(p => p.GetMethods()))
        {
            if (!methods.TryAdd(method.Name, method))
                throw new InvalidOperationException($"RPC method {method.Name} is registered twice");
        }
        _methods = methods.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string name, out RpcMethod method) => _methods.TryGetValue(name, out method!);

    public IEnumerable<RpcMethod> All => _methods.Values.OrderBy(m => m.Category, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal);
}
