using System.Net;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Node.P2P.Addresses;

namespace Drivechain.Node.Tests.P2P.Addresses;

public sealed class AddressMessagesTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_796_368_873);

    private static readonly PeerAddress[] Sample =
    [
        new(IPEndPoint.Parse("11.1.2.3:8333"), 9, Time),
        new(IPEndPoint.Parse("[2a01:4f8::1]:18444"), 1033, Time.AddHours(-1)),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Addr_and_addrv2_round_trip_ipv4_and_ipv6_with_big_endian_ports(bool v2)
    {
        var payload = AddressMessages.Serialize(Sample, v2);
        AddressMessages.TryParse(payload, v2, out var parsed, out var count).Should().BeNull();
        count.Should().Be(2);
        parsed.Should().BeEquivalentTo(Sample, o => o.WithStrictOrdering());
        // The port is the last two bytes of an entry, big-endian (18444 = 0x480c).
        payload[^2..].Should().Equal(0x48, 0x0c);
        if (!v2) payload.Length.Should().Be(1 + 2 * 30);
    }

    [Fact]
    public void Addrv2_skips_networks_this_node_cannot_reach_and_refuses_wrong_lengths_and_more_than_1000_entries()
    {
        var torV3 = Entry(4, new byte[32]);
        var i2p = Entry(5, new byte[32]);
        var unknown = Entry(42, new byte[7]);
        var ipv4 = Entry(1, [11, 1, 2, 3]);
        AddressMessages.TryParse([4, .. torV3, .. i2p, .. unknown, .. ipv4], v2: true, out var parsed, out var count).Should().BeNull();
        count.Should().Be(4);
        parsed.Should().ContainSingle().Which.EndPoint.Should().Be(IPEndPoint.Parse("11.1.2.3:8333"));

        AddressMessages.TryParse([1, .. Entry(1, [11, 1, 2])], v2: true, out _, out _).Should().Contain("length 3");
        AddressMessages.TryParse([1, .. Entry(1, [11, 1, 2, 3])[..^1]], v2: true, out _, out _).Should().Be("truncated entry");
        var tooMany = new byte[3];
        new BitcoinWriter(tooMany).WriteCompactSize(1001);
        AddressMessages.TryParse(tooMany, v2: false, out _, out var n).Should().Be("addr message size = 1001");
        n.Should().Be(1001);
    }

    private static byte[] Entry(byte network, byte[] address)
    {
        var bytes = new byte[4 + 1 + 1 + 1 + address.Length + 2];
        var writer = new BitcoinWriter(bytes);
        writer.WriteUInt32((uint)Time.ToUnixTimeSeconds());
        writer.WriteCompactSize(9);
        writer.WriteByte(network);
        writer.WriteVarBytes(address);
        writer.WriteByte(0x20);
        writer.WriteByte(0x8d);
        return bytes;
    }
}
