using System.Net;
using System.Text.Json.Nodes;
using Drivechain.Node.P2P.Addresses;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>getnodeaddresses and Core's test RPC addpeeraddress, over the P2P layer's address manager, with Core's shapes.</summary>
public sealed partial class NetworkRpcMethods
{
    private static readonly string[] NetworkNames = ["ipv4", "ipv6", "onion", "i2p", "cjdns"];

    private IEnumerable<RpcMethod> AddressMethods()
    {
        yield return new RpcMethod("getnodeaddresses", "Network",
            [RpcArg.Opt("count", RpcArgType.Number, "The maximum number of addresses to return. Specify 0 to return all known addresses.", "1"),
             RpcArg.Opt("network", RpcArgType.String, "Return only addresses of the specified network. Can be one of: ipv4, ipv6, onion, i2p, cjdns.", "all networks")],
            "Return known addresses, after filtering for quality and recency.\nThese can potentially be used to find new peers in the network.\nThe total number of addresses known to the node may be higher.",
            "[{ \"time\", \"services\", \"address\", \"port\", \"network\" }, ...]", (call, _) => ValueTask.FromResult<JsonNode?>(NodeAddresses(call)));
        yield return new RpcMethod("addpeeraddress", "Network",
            [RpcArg.Req("address", RpcArgType.String, "The IP address of the peer"),
             RpcArg.Req("port", RpcArgType.Number, "The port of the peer"),
             RpcArg.Opt("tried", RpcArgType.Boolean, "If true, attempt to add the peer to the tried addresses table", "false")],
            "Add the address of a potential peer to an address manager table. This RPC is for testing only.",
            "{ \"success\", \"error\" }", (call, _) => ValueTask.FromResult<JsonNode?>(AddPeerAddress(call)));
        yield return new RpcMethod("getrawaddrman", "Hidden", [],
            "EXPERIMENTAL warning: this call may be changed in future releases.\n\nReturns information on all address manager entries for the new and tried tables.",
            "{ \"new\": { \"bucket/position\": { \"address\", \"port\", \"services\", \"time\", \"network\", \"source\", \"source_network\" } }, \"tried\": { … } }",
            (_, _) => ValueTask.FromResult<JsonNode?>(RawAddrMan()));
    }

    private JsonObject RawAddrMan()
    {
        var tables = new JsonObject { ["new"] = new JsonObject(), ["tried"] = new JsonObject() };
        foreach (var (tried, bucket, position, address, source) in peers.Addresses.RawEntries())
        {
            ((JsonObject)tables[tried ? "tried" : "new"]!)[$"{bucket}/{position}"] = new JsonObject
            {
                ["address"] = address.EndPoint.Address.ToString(),
                ["port"] = address.EndPoint.Port,
                ["services"] = address.Services,
                ["time"] = address.Time.ToUnixTimeSeconds(),
                ["network"] = address.Network,
                ["source"] = source.ToString(),
                ["source_network"] = PeerAddress.NetworkOf(source),
            };
        }
        return tables;
    }

    /// <summary>getpeerinfo's permissions, Core's names.</summary>
    private static JsonArray PermissionNames(P2P.NetPermissions permissions)
    {
        var names = new JsonArray();
        (P2P.NetPermissions Flag, string Name)[] known =
        [
            (P2P.NetPermissions.BloomFilter, "bloomfilter"), (P2P.NetPermissions.NoBan, "noban"), (P2P.NetPermissions.ForceRelay, "forcerelay"),
            (P2P.NetPermissions.Relay, "relay"), (P2P.NetPermissions.Mempool, "mempool"), (P2P.NetPermissions.Download, "download"),
            (P2P.NetPermissions.Addr, "addr"),
        ];
        foreach (var (flag, name) in known)
            if ((permissions & flag) == flag) names.Add((JsonNode)name);
        return names;
    }

    private JsonArray NodeAddresses(RpcCall call)
    {
        var count = call.Params.GetOptionalInt64("count") ?? 1;
        if (count < 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Address count out of range");
        var network = call.Params.GetOptionalString("network");
        if (network is not null && !NetworkNames.Contains(network))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"Network not recognized: {network}");
        var result = new JsonArray();
        foreach (var address in peers.Addresses.GetAddresses((int)Math.Min(count, int.MaxValue), 0, network, Random.Shared))
        {
            result.Add((JsonNode)new JsonObject
            {
                ["time"] = address.Time.ToUnixTimeSeconds(),
                ["services"] = address.Services,
                ["address"] = address.EndPoint.Address.ToString(),
                ["port"] = address.EndPoint.Port,
                ["network"] = address.Network,
            });
        }
        return result;
    }

    private JsonObject AddPeerAddress(RpcCall call)
    {
        var text = call.Params.GetString("address");
        var port = call.Params.GetInt64("port");
        if (!IPAddress.TryParse(text, out var ip)) throw new RpcException(RpcErrorCode.ClientInvalidIpOrSubnet, "Invalid IP address");
        if (port is < 0 or > ushort.MaxValue) throw new RpcException(RpcErrorCode.InvalidParameter, "port out of range");
        var endPoint = new IPEndPoint(ip, (int)port);
        var address = new PeerAddress(endPoint, P2P.PeerManager.LocalServices, clock.GetUtcNow());
        string? error = null;
        if (peers.Addresses.Add([address], ip, TimeSpan.Zero) != 1) error = "failed-adding-to-new";
        else if (call.Params.GetBoolean("tried", false) && !peers.Addresses.Good(endPoint)) error = "failed-adding-to-tried";
        var result = new JsonObject { ["success"] = error is null };
        if (error is not null) result["error"] = error;
        return result;
    }
}
