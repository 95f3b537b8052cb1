using System.Buffers.Binary;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;
using Drivechain.Node.P2P.Transport.V1;

namespace Drivechain.Node.Tests.P2P;

/// <summary>The v1 framing over an in-memory stream: round trip, the checks on magic, checksum, size and command, and the payload parsers' limits.</summary>
public class V1TransportTests
{
    private static async Task<byte[]> FrameAsync(string command, byte[] payload)
    {
        var buffer = new MemoryStream();
        await new V1Transport(buffer, V2TestPeers.RegtestMagic, []).SendAsync(command, payload, CancellationToken.None);
        return buffer.ToArray();
    }

    private static Task<PeerMessage?> ReadAsync(byte[] bytes, byte[]? prefix = null) =>
        new V1Transport(new MemoryStream(bytes), V2TestPeers.RegtestMagic, prefix ?? []).ReceiveAsync(CancellationToken.None);

    [Fact]
    public async Task A_message_round_trips_and_the_bytes_already_read_by_detection_are_used_first()
    {
        var framed = await FrameAsync("ping", P2PPayloads.Nonce(42));
        var message = await ReadAsync(framed[16..], framed[..16]);
        message!.Command.Should().Be("ping");
        P2PPayloads.TryParseNonce(message.Payload, out var nonce).Should().BeTrue();
        nonce.Should().Be(42);
        (await ReadAsync([])).Should().BeNull("a clean close between messages is not an error");
    }

    [Theory]
    [InlineData(0, "Wrong network magic")]
    [InlineData(24, "Bad checksum")]
    [InlineData(4 + 5, "Malformed command")]
    public async Task A_corrupted_message_is_refused(int flipAt, string error)
    {
        var framed = await FrameAsync("ping", P2PPayloads.Nonce(42));
        framed[flipAt] ^= 0x01;
        var read = () => ReadAsync(framed);
        (await read.Should().ThrowAsync<PeerTransportException>()).WithMessage($"*{error}*");
    }

    [Fact]
    public async Task A_length_over_four_million_bytes_is_refused_before_reading_the_payload()
    {
        var framed = await FrameAsync("block", []);
        BinaryPrimitives.WriteUInt32LittleEndian(framed.AsSpan(16), V1Transport.MaxMessagePayload + 1);
        var read = () => ReadAsync(framed);
        (await read.Should().ThrowAsync<PeerTransportException>()).WithMessage("*over the limit*");
    }

    [Fact]
    public async Task A_truncated_payload_is_refused()
    {
        var framed = await FrameAsync("ping", P2PPayloads.Nonce(42));
        var read = () => ReadAsync(framed[..^1]);
        await read.Should().ThrowAsync<PeerTransportException>();
    }

    [Fact]
    public void Payload_parsers_refuse_counts_over_cores_limits_and_trailing_bytes()
    {
        var tooManyHeaders = new byte[3 + 2001 * 81];
        tooManyHeaders[0] = 0xfd;
        BinaryPrimitives.WriteUInt16LittleEndian(tooManyHeaders.AsSpan(1), 2001);
        P2PPayloads.TryParseHeaders(tooManyHeaders, out _).Should().BeFalse();

        var inv = P2PPayloads.Inventory([new InventoryItem(InventoryItem.MsgWitnessBlock, Bitcoin.Primitives.UInt256.Zero)]);
        P2PPayloads.TryParseInventory(inv, out var items).Should().BeTrue();
        items!.Should().ContainSingle().Which.IsBlock.Should().BeTrue();
        P2PPayloads.TryParseInventory([.. inv, 0], out _).Should().BeFalse();

        var locator = Enumerable.Repeat(Bitcoin.Primitives.UInt256.Zero, 102).ToList();
        P2PPayloads.TryParseGetHeaders(P2PPayloads.GetHeaders(70016, locator, default), out _, out _).Should().BeFalse();
        P2PPayloads.TryParseGetHeaders(P2PPayloads.GetHeaders(70016, locator[..101], default), out var parsed, out _).Should().BeTrue();
        parsed!.Should().HaveCount(101);
    }

    [Fact]
    public void A_version_message_round_trips()
    {
        var version = new VersionMessage(70016, 9, 1_700_000_000, 7, "/Drivechain.NET:0.1.0/", 120, Relay: false);
        VersionMessage.TryParse(version.ToBytes(), out var parsed).Should().BeTrue();
        parsed.Should().Be(version);
        VersionMessage.TryParse(version.ToBytes().AsSpan(0, 30), out _).Should().BeFalse();
    }

    [Fact]
    public async Task The_verack_frame_matches_bitcoin_cores_bytes()
    {
        // Core's regtest verack: magic, "verack" NUL-padded, length 0, checksum 5df6e0e2 (SHA256d of nothing).
        var coreVerack = Convert.FromHexString("FABFB5DA76657261636B000000000000000000005DF6E0E2");
        (await FrameAsync("verack", [])).Should().Equal(coreVerack);
        (await ReadAsync(coreVerack))!.Command.Should().Be("verack");
    }

    [Fact]
    public async Task Random_bytes_either_parse_or_throw_a_transport_exception_never_anything_else()
    {
        var random = new Random(11);
        var parsed = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 4)
                V2TestPeers.RegtestMagic.ToArray().CopyTo(bytes, 0); // past the magic check half the time
            try
            {
                if (await ReadAsync(bytes) is null) parsed++;
            }
            catch (PeerTransportException)
            {
            }
        }
        parsed.Should().BeGreaterThan(0, "the empty inputs among them are clean closes");
    }
}
