using System.Buffers.Binary;
using System.Net;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// The addr and addrv2 (BIP155) payloads: a count of at most <see cref="MaxAddrToSend"/> (Core's MAX_ADDR_TO_SEND),
/// then entries of time, services, address and big-endian port. addrv2 carries a BIP155 network id; IPv4 and IPv6
/// entries are kept, other networks (Tor v3, I2P, CJDNS: this node cannot reach them) are read and skipped, and an entry
/// of a known network with the wrong length, or any address longer than 512 bytes, is malformed (Core throws).
/// </summary>
public static class AddressMessages
{
    /// <summary>Core's MAX_ADDR_TO_SEND: more addresses in one message is misbehaviour.</summary>
    public const int MaxAddrToSend = 1000;

    /// <summary>Core's MAX_ADDRV2_SIZE.</summary>
    public const int MaxAddrV2Size = 512;

    private const byte NetIPv4 = 1, NetIPv6 = 2, NetTorV2 = 3, NetTorV3 = 4, NetI2P = 5, NetCjdns = 6;

    /// <summary>Parses an addr (<paramref name="v2"/> false) or addrv2 payload; null with the reason when malformed.</summary>
    public static string? TryParse(ReadOnlySpan<byte> payload, bool v2, out List<PeerAddress> addresses, out int count)
    {
        addresses = [];
        count = 0;
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadCompactSize(out var n)) return "truncated count";
        if (n > MaxAddrToSend) { count = (int)Math.Min(n, int.MaxValue); return $"addr message size = {n}"; }
        count = (int)n;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out var time)) return "truncated entry";
            ulong services;
            IPAddress? address = null;
            if (v2)
            {
                if (!reader.TryReadCompactSize(out services, rangeCheck: false) || !reader.TryReadByte(out var net)
                    || !reader.TryReadCompactSize(out var length)) return "truncated entry";
                if (length > MaxAddrV2Size) return $"address too long ({length} bytes)";
                if (!reader.TryReadBytes((int)length, out var raw)) return "truncated entry";
                var expected = net switch { NetIPv4 => 4, NetIPv6 => 16, NetTorV2 => 10, NetTorV3 => 32, NetI2P => 32, NetCjdns => 16, _ => -1 };
                if (expected >= 0 && expected != (int)length) return $"BIP155 network {net} address with length {length}";
                if (net is NetIPv4 or NetIPv6) address = new IPAddress(raw);
                if (address is not null && net == NetIPv6 && address.IsIPv4MappedToIPv6) address = null;   // BIP155: not allowed as IPv6
            }
            else
            {
                if (!reader.TryReadUInt64(out services) || !reader.TryReadBytes(16, out var raw)) return "truncated entry";
                address = new IPAddress(raw);
                if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
                else if (raw[..6].SequenceEqual(OnionCatPrefix)) address = null;   // Tor v2 in the old encoding: unreachable here
            }
            if (!reader.TryReadBytes(2, out var port)) return "truncated entry";
            if (address is not null)
                addresses.Add(new PeerAddress(new IPEndPoint(address, BinaryPrimitives.ReadUInt16BigEndian(port)), services,
                    DateTimeOffset.FromUnixTimeSeconds(time)));
        }
        return null;
    }

    /// <summary>An addr (v1: IPv6 16-byte form) or addrv2 payload of <paramref name="addresses"/> (at most <see cref="MaxAddrToSend"/>).</summary>
    public static byte[] Serialize(IReadOnlyCollection<PeerAddress> addresses, bool v2)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(addresses.Count, MaxAddrToSend);
        var bytes = new byte[9 + addresses.Count * (4 + 9 + 1 + 1 + 16 + 2 + 8)];
        var writer = new BitcoinWriter(bytes);
        writer.WriteCompactSize((ulong)addresses.Count);
        foreach (var a in addresses)
        {
            writer.WriteUInt32((uint)Math.Clamp(a.Time.ToUnixTimeSeconds(), 0, uint.MaxValue));
            var ip = a.EndPoint.Address;
            if (v2)
            {
                writer.WriteCompactSize(a.Services);
                var isV4 = ip.IsIPv4MappedToIPv6 || ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
                var raw = (isV4 ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip) : ip).GetAddressBytes();
                writer.WriteByte(isV4 ? NetIPv4 : NetIPv6);
                writer.WriteVarBytes(raw);
            }
            else
            {
                writer.WriteUInt64(a.Services);
                writer.WriteBytes((ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? ip.MapToIPv6() : ip).GetAddressBytes());
            }
            writer.WriteByte((byte)(a.EndPoint.Port >> 8));   // big-endian, as in Core
            writer.WriteByte((byte)a.EndPoint.Port);
        }
        return bytes[..writer.Position];
    }

    private static ReadOnlySpan<byte> OnionCatPrefix => [0xfd, 0x87, 0xd8, 0x7e, 0xeb, 0x43];
}
