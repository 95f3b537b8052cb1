using System.Net;

namespace Drivechain.Node.P2P;

/// <summary>
/// Core's -whitelist and -whitebind values: <c>[permissions@]subnet</c> and <c>[permissions@]addr:port</c>, permissions a
/// comma-separated list of bloomfilter, noban, forcerelay, relay, mempool, download, addr, in, out, all. Without
/// permissions Core's implicit default applies: noban, relay and mempool (noban implies download). A whitelist entry
/// applies to inbound connections unless it names <c>out</c>.
/// </summary>
public sealed record NetWhitelist(NetPermissions Permissions, IPNetwork? Subnet, IPEndPoint? Bind, bool Inbound, bool Outbound)
{
    /// <summary>Core's implicit permissions (with -whitelistrelay=1, -whitelistforcerelay=0).</summary>
    public const NetPermissions Implicit = NetPermissions.NoBan | NetPermissions.Relay | NetPermissions.Mempool;

    private static readonly Dictionary<string, NetPermissions> Names = new(StringComparer.Ordinal)
    {
        ["bloomfilter"] = NetPermissions.BloomFilter, ["bloom"] = NetPermissions.BloomFilter, ["noban"] = NetPermissions.NoBan,
        ["forcerelay"] = NetPermissions.ForceRelay, ["relay"] = NetPermissions.Relay, ["mempool"] = NetPermissions.Mempool,
        ["download"] = NetPermissions.Download, ["addr"] = NetPermissions.Addr, ["all"] = NetPermissions.All,
        ["in"] = NetPermissions.In, ["out"] = NetPermissions.Out,
    };

    /// <summary>Parses a -whitelist (<paramref name="bind"/> false) or -whitebind value; null with the reason when invalid.</summary>
    public static NetWhitelist? TryParse(string value, bool bind, out string? error)
    {
        error = null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var permissions = NetPermissions.None;
        if (at >= 0)
        {
            foreach (var name in value[..at].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Names.TryGetValue(name, out var flag))
                {
                    error = $"Invalid P2P permission: '{name}'";
                    return null;
                }
                permissions |= flag;
            }
        }
        var target = at >= 0 ? value[(at + 1)..] : value;
        var inbound = at < 0 || (permissions & (NetPermissions.In | NetPermissions.Out)) == 0 || permissions.HasFlag(NetPermissions.In);
        var outbound = permissions.HasFlag(NetPermissions.Out);
        permissions &= ~(NetPermissions.In | NetPermissions.Out);
        if (permissions == NetPermissions.None) permissions = Implicit;
        if (bind)
        {
            if (!PeerEndpoints.TryParseBind(target, 0, out var endPoint) || endPoint.Port == 0)
            {
                error = $"Need to specify a port with -whitebind: '{target}'";
                return null;
            }
            return new NetWhitelist(permissions, null, endPoint, true, false);
        }
        if (IPNetwork.TryParse(target, out var subnet)) return new NetWhitelist(permissions, subnet, null, inbound, outbound);
        if (IPAddress.TryParse(target, out var single))
            return new NetWhitelist(permissions, new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128), null, inbound, outbound);
        error = $"Invalid netmask specified in -whitelist: '{target}'";
        return null;
    }

    /// <summary>The permissions <paramref name="entries"/> grant a connection from <paramref name="remote"/> accepted on <paramref name="local"/>.</summary>
    public static NetPermissions For(IEnumerable<NetWhitelist> entries, IPAddress? remote, IPEndPoint? local, bool inbound)
    {
        var granted = NetPermissions.None;
        if (remote?.IsIPv4MappedToIPv6 == true) remote = remote.MapToIPv4();
        foreach (var e in entries)
        {
            if (e.Bind is { } bind && inbound && local is not null && local.Port == bind.Port
                && (PeerAddressEquals(local.Address, bind.Address) || bind.Address.Equals(IPAddress.Any) || bind.Address.Equals(IPAddress.IPv6Any)))
                granted |= e.Permissions;
            if (e.Subnet is { } subnet && remote is not null && (inbound ? e.Inbound : e.Outbound) && subnet.Contains(remote))
                granted |= e.Permissions;
        }
        return granted;
    }

    private static bool PeerAddressEquals(IPAddress a, IPAddress b) =>
        (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);
}
