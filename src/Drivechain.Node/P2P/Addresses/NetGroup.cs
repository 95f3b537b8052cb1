using System.Net;
using System.Net.Sockets;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// Core's CNetAddr classification, for IPv4 and IPv6: routability (the special-use ranges Core rejects from the
/// address manager) and the network group that buckets addresses and keeps outbound connections diverse
/// (IPv4 /16, IPv6 /32, 6to4/Teredo by their embedded IPv4 /16; no asmap). On regtest, where every test node lives on
/// 127.0.0.1, local addresses are admitted and each local end point (address and port) is its own group.
/// </summary>
public static class NetGroup
{
    /// <summary>The group key of <paramref name="endPoint"/> (compared as bytes).</summary>
    public static byte[] Of(IPEndPoint endPoint, bool localIsDistinct = false)
    {
        var address = PeerAddress.Normalize(endPoint).Address;
        if (!IsRoutable(address))
        {
            if (localIsDistinct) return [0xfe, .. address.GetAddressBytes(), (byte)(endPoint.Port >> 8), (byte)endPoint.Port];
            return [IsLocal(address) ? (byte)0xfd : (byte)0xff];   // all local addresses one group, all unroutable another (Core)
        }
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork) return [1, bytes[0], bytes[1]];
        if (bytes[0] == 0x20 && bytes[1] == 0x02) return [1, bytes[2], bytes[3]];                                   // 6to4: embedded IPv4
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0) return [1, (byte)~bytes[12], (byte)~bytes[13]];   // Teredo
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x04 && bytes[3] == 0x70) return [2, bytes[0], bytes[1], bytes[2], (byte)(bytes[3] & 0xf0 | (bytes[4] >> 4))];   // he.net /36
        return [2, bytes[0], bytes[1], bytes[2], bytes[3]];
    }

    /// <summary>Core's CNetAddr::IsLocal: 127/8, 0/8 and ::1.</summary>
    public static bool IsLocal(IPAddress address)
    {
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (address.AddressFamily == AddressFamily.InterNetwork) return address.GetAddressBytes()[0] is 127 or 0;
        return address.Equals(IPAddress.IPv6Loopback);
    }

    /// <summary>Core's CNetAddr::IsRoutable for IPv4/IPv6: valid and outside the private, local and documentation ranges.</summary>
    public static bool IsRoutable(IPAddress address)
    {
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var b = address.GetAddressBytes();
        if (IsLocal(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)   // RFC1918
                     || (b[0] == 198 && (b[1] == 18 || b[1] == 19))                                            // RFC2544
                     || b[0] >= 240                                                                             // RFC1112 reserved, broadcast
                     || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)                                             // RFC6598
                     || (b[0] == 169 && b[1] == 254)                                                           // RFC3927
                     || (b[0] == 192 && b[1] == 0 && b[2] == 2) || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                     || (b[0] == 203 && b[1] == 0 && b[2] == 113)                                              // RFC5737
                     || b[0] >= 224);                                                                           // multicast
        }
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return false;
        return !((b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)                                 // RFC3849
                 || (b[0] & 0xfe) == 0xfc                                                                       // RFC4193
                 || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)                                                     // RFC4862 link-local
                 || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && (b[3] & 0xf0) is 0x10 or 0x20)            // RFC4843, RFC7343
                 || b[0] == 0xff);                                                                              // multicast
    }
}
