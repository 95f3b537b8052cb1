using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;

namespace Drivechain.Node.Dashboard;

/// <summary>
/// The dashboard's window on the node's data: the existing JSON-RPC methods, called in-process, so the page shows exactly
/// what <c>listsidechains</c>, <c>listwithdrawalbundles</c> … return. Only the read-only methods named here can be called,
/// so no dashboard endpoint can change the node's state.
/// </summary>
public sealed class DashboardRpc(RpcMethodTable methods)
{
    private static readonly FrozenSet<string> ReadOnlyMethods = FrozenSet.Create(StringComparer.Ordinal,
        "getblockchaininfo", "getnetworkinfo", "getmempoolinfo", "getrawmempool", "listsidechains", "listsidechainproposals", "listwithdrawalbundles", "listtreasuryhistory");

    /// <summary>Calls a read-only RPC method with positional parameters and returns its result.</summary>
    public async ValueTask<JsonNode?> CallAsync(string name, CancellationToken cancellationToken, params JsonNode?[] parameters)
    {
        if (!ReadOnlyMethods.Contains(name)) throw new InvalidOperationException($"{name} is not a read-only RPC method");
        if (!methods.TryGet(name, out var method)) throw new InvalidOperationException($"RPC method {name} is not registered");
        // Parameters and result go through JSON text, as over HTTP: nodes built in-process hold CLR values (byte, uint…)
        // that the parameter binder and GetValue<int> refuse.
        var call = new RpcCall(method, RpcParameters.Bind(method, JsonNode.Parse(new JsonArray(parameters).ToJsonString())));
        return await method.Handler(call, cancellationToken) is { } result ? JsonNode.Parse(result.ToJsonString()) : null;
    }

    /// <summary>The result as an array (an empty one for JSON null).</summary>
    public async ValueTask<JsonArray> CallArrayAsync(string name, CancellationToken cancellationToken, params JsonNode?[] parameters) =>
        (await CallAsync(name, cancellationToken, parameters))?.AsArray() ?? [];
}
