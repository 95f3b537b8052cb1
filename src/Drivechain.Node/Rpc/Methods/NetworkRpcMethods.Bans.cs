using System.Text.Json.Nodes;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>setban, listbanned, clearbanned (Core's shapes and error codes; the list persists in banlist.json).</summary>
public sealed partial class NetworkRpcMethods
{
    private IEnumerable<RpcMethod> BanMethods()
    {
        yield return new RpcMethod("setban", "Network",
            [RpcArg.Req("subnet", RpcArgType.String, "The IP/Subnet (see getpeerinfo for nodes IP) with an optional netmask (default is /32 = single IP)"),
             RpcArg.Req("command", RpcArgType.String, "'add' to add an IP/Subnet to the list, 'remove' to remove an IP/Subnet from the list"),
             RpcArg.Opt("bantime", RpcArgType.Number, "time in seconds how long (or until when if [absolute] is set) the IP is banned (0 or empty means using the default time of 24h)", "0"),
             RpcArg.Opt("absolute", RpcArgType.Boolean, "If set, the bantime must be an absolute timestamp expressed in UNIX epoch time", "false")],
            "Attempts to add or remove an IP/Subnet from the banned list.", "null", (call, _) => Result(SetBan(call)));
        yield return new RpcMethod("listbanned", "Network", [], "List all manually banned IPs/Subnets.",
            "[{ \"address\", \"ban_created\", \"banned_until\", \"ban_duration\", \"time_remaining\" }, ...]", (_, _) => Result(ListBanned()));
        yield return new RpcMethod("clearbanned", "Network", [], "Clear all banned IPs.", "null", (_, _) =>
        {
            peers.Bans.Clear();
            return Result(null);
        });
    }

    private JsonNode? SetBan(RpcCall call)
    {
        var command = call.Params.GetString("command");
        if (command is not ("add" or "remove"))
            throw new RpcException(RpcErrorCode.MiscError, "setban \"subnet\" \"command\": command must be 'add' or 'remove'");
        if (!BanList.TryParseSubnet(call.Params.GetString("subnet"), out var subnet))
            throw new RpcException(RpcErrorCode.ClientInvalidIpOrSubnet, "Error: Invalid IP/Subnet");
        if (command == "remove")
        {
            if (!peers.Bans.Unban(subnet))
                throw new RpcException(RpcErrorCode.ClientInvalidIpOrSubnet, "Error: Unban failed. Requested address/subnet was not previously manually banned.");
            return null;
        }
        var banTime = call.Params.GetOptionalInt64("bantime") ?? 0;
        bool added;
        if (banTime > 0 && call.Params.GetBoolean("absolute", false))
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(banTime);
            if (until <= clock.GetUtcNow()) throw new RpcException(RpcErrorCode.InvalidParameter, "Error: Absolute timestamp is in the past");
            added = peers.Bans.Ban(subnet, until);
        }
        else
        {
            added = peers.Bans.Ban(subnet, banTime > 0 ? TimeSpan.FromSeconds(banTime) : BanList.DefaultBanTime);
        }
        if (!added) throw new RpcException(RpcErrorCode.ClientNodeAlreadyAdded, "Error: IP/Subnet already banned");
        peers.DisconnectBanned(subnet);
        return null;
    }

    private JsonArray ListBanned()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var result = new JsonArray();
        foreach (var (subnet, entry) in peers.Bans.List())
        {
            result.Add((JsonNode)new JsonObject
            {
                ["address"] = BanList.Format(subnet),
                ["ban_created"] = entry.Created,
                ["banned_until"] = entry.Until,
                ["ban_duration"] = entry.Until - entry.Created,
                ["time_remaining"] = entry.Until - now,
            });
        }
        return result;
    }
}
