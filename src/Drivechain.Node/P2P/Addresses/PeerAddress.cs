using System.Net;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// A peer's address as addr/addrv2 carry it (Core's CAddress): an IP end point (IPv4-mapped addresses unmapped), the
/// services the peer offers and when it was last seen.
/// </summary>
public sealed record PeerAddress(IPEndPoint EndPoint, ulong Services, DateTimeOffset Time)
{
    /// <summary>Core's getnodeaddresses "network": <c>ipv4</c> or <c>ipv6</c> (the only networks this node reaches).</summary>
    public string Network => NetworkOf(EndPoint.Address);

    /// <summary>Core's network name of <paramref name="address"/>: ipv4 or ipv6 (the only networks this node reaches).</summary>
    public static string NetworkOf(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "ipv4" : "ipv6";

    /// <summary>The end point with an IPv4-mapped IPv6 address turned back into IPv4 (the form the address manager keys on).</summary>
    public static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    /// <summary><c>host:port</c>, IPv6 in brackets (what connections are opened to).</summary>
    public string Target => EndPoint.ToString();
}
