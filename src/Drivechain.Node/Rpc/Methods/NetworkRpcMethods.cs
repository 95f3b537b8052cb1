using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>
/// Network RPCs backed by the P2P layer, with Core's shapes and error codes: getconnectioncount, getpeerinfo,
/// getnetworkinfo, getnettotals, ping, addnode, getaddednodeinfo, disconnectnode, setnetworkactive (here) and
/// setban, listbanned, clearbanned (<c>NetworkRpcMethods.Bans.cs</c>).
/// </summary>
public sealed partial class NetworkRpcMethods(PeerManager peers, TimeProvider clock) : IRpcMethodProvider
{
    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("getconnectioncount", "Network", [], "Returns the number of connections to other nodes.",
            "n    (numeric) The connection count", (_, _) => Result(peers.Peers.Count));
        yield return new RpcMethod("getpeerinfo", "Network", [], "Returns data about each connected network peer as a json array of objects.",
            "[{ \"id\", \"addr\", \"addrbind\", \"services\", \"servicesnames\", \"relaytxes\", \"lastsend\", \"lastrecv\", \"bytessent\", \"bytesrecv\", \"conntime\", \"pingtime\", \"minping\", \"pingwait\", \"version\", \"subver\", \"inbound\", \"startingheight\", \"synced_headers\", \"synced_blocks\", \"minfeefilter\", \"connection_type\", \"transport_protocol_type\", \"session_id\", \"permissions\", \"addr_relay_enabled\", \"addr_processed\", \"addr_rate_limited\", \"network\", \"timeoffset\", \"last_block\", \"last_transaction\", \"bip152_hb_to\", \"bip152_hb_from\", \"inflight\", \"bytessent_per_msg\", \"bytesrecv_per_msg\" }, ...]",
            (_, _) => Result(PeerInfo()));
        yield return new RpcMethod("getnetworkinfo", "Network", [],
            "Returns an object containing various state info regarding P2P networking.",
            "{ \"version\", \"subversion\", \"protocolversion\", \"localservices\", \"localrelay\", \"networkactive\", \"connections\", \"connections_in\", \"connections_out\", \"networks\", \"relayfee\", \"localaddresses\", … }",
            (_, _) => Result(NetworkInfo()));
        yield return new RpcMethod("getnettotals", "Network", [],
            "Returns information about network traffic, including bytes in, bytes out, and current system time.",
            "{ \"totalbytesrecv\", \"totalbytessent\", \"timemillis\", \"uploadtarget\": { … } }", (_, _) => Result(NetTotals()));
        yield return new RpcMethod("ping", "Network", [],
            "Requests that a ping be sent to all other nodes, to measure ping time. Results are in getpeerinfo's pingtime and pingwait.",
            "null", (_, _) =>
            {
                peers.RequestPings();
                return Result(null);
            });
        yield return new RpcMethod("addnode", "Network",
            [RpcArg.Req("node", RpcArgType.String, "The address of the peer to connect to"),
             RpcArg.Req("command", RpcArgType.String, "'add' to add a node to the list, 'remove' to remove a node from the list, 'onetry' to try a connection to the node once")],
            "Attempts to add or remove a node from the addnode list, or try a connection to a node once.", "null", (call, _) => Result(AddNode(call)));
        yield return new RpcMethod("getaddednodeinfo", "Network",
            [RpcArg.Opt("node", RpcArgType.String, "If provided, return information about this specific node, otherwise all nodes are returned.", "all nodes")],
            "Returns information about the given added node, or all added nodes (onetry nodes are not listed here).",
            "[{ \"addednode\", \"connected\", \"addresses\": [{ \"address\", \"connected\" }] }, ...]", (call, _) => Result(AddedNodeInfo(call)));
        yield return new RpcMethod("disconnectnode", "Network",
            [RpcArg.Opt("address", RpcArgType.String, "The IP address/port of the node", "fallback to nodeid"),
             RpcArg.Opt("nodeid", RpcArgType.Number, "The node ID (see getpeerinfo for node IDs)", "fallback to address")],
            "Immediately disconnects from the specified peer node. Strictly one out of 'address' and 'nodeid' can be provided.", "null",
            (call, _) => Result(DisconnectNode(call)));
        yield return new RpcMethod("setnetworkactive", "Network", [RpcArg.Req("state", RpcArgType.Boolean, "true to enable networking, false to disable")],
            "Disable/enable all p2p network activity.", "true|false    (boolean) The value that was passed in", (call, _) =>
            {
                peers.SetNetworkActive(call.Params.GetBoolean("state", true));
                return Result(peers.NetworkActive);
            });
        foreach (var method in BanMethods()) yield return method;
        foreach (var method in AddressMethods()) yield return method;
    }

    private static ValueTask<JsonNode?> Result(JsonNode? value) => ValueTask.FromResult(value);

    private JsonNode? AddNode(RpcCall call)
    {
        var node = call.Params.GetString("node");
        var command = call.Params.GetString("command");
        if (command is not ("add" or "remove" or "onetry"))
            throw new RpcException(RpcErrorCode.MiscError, "addnode \"node\" \"command\": command must be 'add', 'remove' or 'onetry'");
        if (command != "remove" && !PeerEndpoints.TrySplit(node, 1, out _, out _))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"Error: Invalid node address: {node}");
        switch (command)
        {
            case "onetry":
                peers.ConnectOnce(node);
                break;
            case "add" when !peers.AddNode(node):
                throw new RpcException(RpcErrorCode.ClientNodeAlreadyAdded, "Error: Node already added");
            case "remove" when !peers.RemoveAddedNode(node):
                throw new RpcException(RpcErrorCode.ClientNodeNotAdded, "Error: Node could not be removed. It has not been added previously.");
        }
        return null;
    }

    private JsonArray AddedNodeInfo(RpcCall call)
    {
        var only = call.Params.GetOptionalString("node");
        var added = peers.AddedNodes.Where(n => only is null || string.Equals(n, only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (only is not null && added.Count == 0) throw new RpcException(RpcErrorCode.ClientNodeNotAdded, "Error: Node has not been added.");
        var result = new JsonArray();
        foreach (var node in added)
        {
            var connected = peers.Peers.FirstOrDefault(p => string.Equals(p.Target, node, StringComparison.OrdinalIgnoreCase));
            var addresses = new JsonArray();
            if (connected is not null) addresses.Add((JsonNode)new JsonObject { ["address"] = connected.Remote.ToString(), ["connected"] = "outbound" });
            result.Add((JsonNode)new JsonObject { ["addednode"] = node, ["connected"] = connected is not null, ["addresses"] = addresses });
        }
        return result;
    }

    private JsonNode? DisconnectNode(RpcCall call)
    {
        var address = call.Params.GetOptionalString("address");
        var nodeId = call.Params.GetOptionalInt64("nodeid");
        bool found;
        if (!string.IsNullOrEmpty(address) && nodeId is null) found = peers.Disconnect(address);
        else if (string.IsNullOrEmpty(address) && nodeId is { } id) found = peers.Disconnect(id);
        else throw new RpcException(RpcErrorCode.InvalidParameter, "Only one of address and nodeid should be provided.");
        return found ? null : throw new RpcException(RpcErrorCode.ClientNodeNotConnected, "Node not found in connected nodes");
    }

    private JsonObject NetTotals() => new()
    {
        ["totalbytesrecv"] = peers.Totals.BytesReceived,
        ["totalbytessent"] = peers.Totals.BytesSent,
        ["timemillis"] = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        ["uploadtarget"] = new JsonObject
        {
            ["timeframe"] = 86400,
            ["target"] = 0,
            ["target_reached"] = false,
            ["serve_historical_blocks"] = true,
            ["bytes_left_in_cycle"] = 0,
            ["time_left_in_cycle"] = 0,
        },
    };

    private JsonObject NetworkInfo()
    {
        var connected = peers.Peers;
        var inbound = connected.Count(p => p.Inbound);
        var networks = new JsonArray();
        foreach (var name in new[] { "ipv4", "ipv6", "onion", "i2p", "cjdns" })
        {
            var reachable = name is "ipv4" or "ipv6";
            networks.Add((JsonNode)new JsonObject
            {
                ["name"] = name, ["limited"] = !reachable, ["reachable"] = reachable, ["proxy"] = "", ["proxy_randomize_credentials"] = false,
            });
        }
        var local = new JsonArray();
        foreach (var endPoint in peers.ListenEndPoints.Where(e => !e.Address.Equals(IPAddress.Any) && !e.Address.Equals(IPAddress.IPv6Any)))
            local.Add((JsonNode)new JsonObject { ["address"] = endPoint.Address.ToString(), ["port"] = endPoint.Port, ["score"] = 1 });
        return new JsonObject
        {
            ["version"] = ControlRpcMethods.ClientVersion,
            ["subversion"] = PeerManager.UserAgent,
            ["protocolversion"] = ControlRpcMethods.ProtocolVersion,
            ["localservices"] = PeerManager.LocalServices.ToString("x16", CultureInfo.InvariantCulture),
            ["localservicesnames"] = ServiceNames(PeerManager.LocalServices),
            ["localrelay"] = true,
            ["timeoffset"] = 0,
            ["networkactive"] = peers.NetworkActive,
            ["connections"] = connected.Count,
            ["connections_in"] = inbound,
            ["connections_out"] = connected.Count - inbound,
            ["networks"] = networks,
            ["relayfee"] = PeerManager.MinRelayTxFee / 1e8m,
            ["incrementalfee"] = PeerManager.MinRelayTxFee / 1e8m,
            ["localaddresses"] = local,
            ["warnings"] = new JsonArray(),
        };
    }

    /// <summary>Core's getpeerinfo network: ipv4 or ipv6, not_publicly_routable for local and private addresses.</summary>
    private static string NetworkName(IPAddress? address) =>
        address is null || !P2P.Addresses.NetGroup.IsRoutable(address) ? "not_publicly_routable" : P2P.Addresses.PeerAddress.NetworkOf(address);

    private JsonArray PeerInfo()
    {
        var result = new JsonArray();
        foreach (var peer in peers.Peers)
        {
            var version = peer.Version;
            var services = version?.Services ?? 0;
            var info = new JsonObject
            {
                ["id"] = peer.Id,
                ["addr"] = peer.Remote.ToString(),
                ["addrbind"] = peer.Local?.ToString(),
                ["services"] = services.ToString("x16", CultureInfo.InvariantCulture),
                ["servicesnames"] = ServiceNames(services),
                ["relaytxes"] = peer.RelaysTransactions,
                ["lastsend"] = peer.HasSent ? peer.LastSend.ToUnixTimeSeconds() : 0,
                ["lastrecv"] = peer.HasReceived ? peer.LastReceive.ToUnixTimeSeconds() : 0,
                ["bytessent"] = peer.BytesSent,
                ["bytesrecv"] = peer.BytesReceived,
                ["conntime"] = peer.ConnectedAt.ToUnixTimeSeconds(),
                ["version"] = version?.Version ?? 0,
                ["subver"] = version?.UserAgent ?? "",
                ["inbound"] = peer.Inbound,
                ["startingheight"] = version?.StartHeight ?? -1,
                ["synced_headers"] = peer.SyncedHeaders,
                ["synced_blocks"] = peer.SyncedBlocks,
                ["minfeefilter"] = peer.FeeFilter / 1e8m,
                ["connection_type"] = peer.ConnectionType,
                ["transport_protocol_type"] = peer.Transport.Type,
                ["session_id"] = peer.Transport.SessionId,
                ["permissions"] = PermissionNames(peer.Permissions),
                ["addr_relay_enabled"] = peer.AddressRelay.Enabled,
                ["addr_processed"] = peer.AddressRelay.Processed,
                ["addr_rate_limited"] = peer.AddressRelay.RateLimited,
                ["network"] = NetworkName(peer.Address),
                ["timeoffset"] = version is null ? 0 : version.Timestamp - peer.ConnectedAt.ToUnixTimeSeconds(),   // Core: at version time; ours: at connection
                ["last_block"] = peer.LastBlockTime == default ? 0 : peer.LastBlockTime.ToUnixTimeSeconds(),
                ["last_transaction"] = peer.LastTxTime == default ? 0 : peer.LastTxTime.ToUnixTimeSeconds(),
                ["bip152_hb_to"] = false,
                ["bip152_hb_from"] = peer.WantsCompactAnnouncements,
                ["inflight"] = new JsonArray([.. peers.BlocksInFlightHeights(peer.Id).Select(h => (JsonNode)h)]),
                ["bytessent_per_msg"] = PerMessage(peer.BytesSentPerMessage),
                ["bytesrecv_per_msg"] = PerMessage(peer.BytesReceivedPerMessage),
            };
            if (peer.LastPing is { } ping) info["pingtime"] = Math.Round(ping.TotalSeconds, 6);
            if (peer.MinPing is { } min) info["minping"] = Math.Round(min.TotalSeconds, 6);
            if (peer.PingWait is { } wait) info["pingwait"] = Math.Round(wait.TotalSeconds, 6);
            result.Add((JsonNode)info);
        }
        return result;
    }

    private static JsonObject PerMessage(IReadOnlyDictionary<string, long> counts)
    {
        var result = new JsonObject();
        foreach (var (type, bytes) in counts) result[type] = bytes;
        return result;
    }

    private static JsonArray ServiceNames(ulong services)
    {
        var names = new JsonArray();
        (ulong Bit, string Name)[] known = [(1, "NETWORK"), (4, "BLOOM"), (8, "WITNESS"), (64, "COMPACT_FILTERS"), (1024, "NETWORK_LIMITED"), (2048, "P2P_V2")];
        foreach (var (bit, name) in known)
            if ((services & bit) != 0) names.Add((JsonNode)name);
        return names;
    }
}
