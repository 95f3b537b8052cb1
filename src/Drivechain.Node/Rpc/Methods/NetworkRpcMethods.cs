using System.Globalization;
using System.Text.Json.Nodes;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Network RPCs backed by the P2P layer: getconnectioncount, getpeerinfo (Core's field names).</summary>
public sealed class NetworkRpcMethods(PeerManager peers) : IRpcMethodProvider
{
    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("getconnectioncount", "Network", [], "Returns the number of connections to other nodes.",
            "n    (numeric) The connection count", (_, _) => ValueTask.FromResult<JsonNode?>(peers.Peers.Count));
        yield return new RpcMethod("getpeerinfo", "Network", [], "Returns data about each connected network peer as a json array of objects.",
            "[{ \"id\", \"addr\", \"addrbind\", \"services\", \"servicesnames\", \"conntime\", \"version\", \"subver\", \"inbound\", \"startingheight\", \"synced_headers\", \"synced_blocks\", \"connection_type\", \"transport_protocol_type\", \"session_id\" }, ...]",
            (_, _) => ValueTask.FromResult<JsonNode?>(PeerInfo()));
    }

    private JsonArray PeerInfo()
    {
        var result = new JsonArray();
        foreach (var peer in peers.Peers)
        {
            var version = peer.Version;
            var services = version?.Services ?? 0;
            result.Add(new JsonObject
            {
                ["id"] = peer.Id,
                ["addr"] = peer.Remote.ToString(),
                ["addrbind"] = peer.Local?.ToString(),
                ["services"] = services.ToString("x16", CultureInfo.InvariantCulture),
                ["servicesnames"] = ServiceNames(services),
                ["relaytxes"] = false,
                ["conntime"] = peer.ConnectedAt.ToUnixTimeSeconds(),
                ["version"] = version?.Version ?? 0,
                ["subver"] = version?.UserAgent ?? "",
                ["inbound"] = peer.Inbound,
                ["startingheight"] = version?.StartHeight ?? -1,
                ["synced_headers"] = peer.SyncedHeaders,
                ["synced_blocks"] = peer.SyncedBlocks,
                ["connection_type"] = peer.Inbound ? "inbound" : "manual",
                ["transport_protocol_type"] = peer.Transport.Type,
                ["session_id"] = peer.Transport.SessionId,
            });
        }
        return result;
    }

    private static JsonArray ServiceNames(ulong services)
    {
        var names = new JsonArray();
        (ulong Bit, string Name)[] known = [(1, "NETWORK"), (4, "BLOOM"), (8, "WITNESS"), (64, "COMPACT_FILTERS"), (1024, "NETWORK_LIMITED"), (2048, "P2P_V2")];
        foreach (var (bit, name) in known)
            if ((services & bit) != 0) names.Add(name);
        return names;
    }
}
