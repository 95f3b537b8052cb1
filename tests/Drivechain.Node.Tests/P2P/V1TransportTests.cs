using System.Buffers.Binary;
using Drivechain.Node.P2P.Transport;
using Drivechain.Node.P2P.Transport.V1;
using FluentAssertions;

namespace Drivechain.Node.Tests.P2P;

public sealed class V1TransportTests
{
    private static readonly byte[] RegtestMagic = Convert.FromHexString("FABFB5DA");

    private static async Task<P2PMessage?> ReceiveFrom(byte[] bytes, byte[]? alreadyRead = null)
    {
        await using var transport = new V1Transport(new MemoryStream(bytes), RegtestMagic, alreadyRead);
        return await transport.ReceiveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_sent_message_is_received_with_its_command_and_payload()
    {
        var stream = new MemoryStream();
        await using (var sender = new V1Transport(stream, RegtestMagic))
            await sender.SendAsync("ping", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, CancellationToken.None);

        var message = await ReceiveFrom(stream.ToArray());

        message!.Command.Should().Be("ping");
        message.Payload.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
    }

    [Fact]
    public async Task The_verack_frame_matches_bitcoin_cores_bytes()
    {
        // Core's regtest verack: magic, "verack" padded, length 0, checksum 5df6e0e2 (SHA256d of nothing).
        V1Transport.Frame(RegtestMagic, "verack", []).Should().Equal(
            Convert.FromHexString("FABFB5DA76657261636B000000000000000000005DF6E0E2"));
        (await ReceiveFrom(Convert.FromHexString("FABFB5DA76657261636B000000000000000000005DF6E0E2")))!.Command.Should().Be("verack");
    }

    [Fact]
    public async Task Bytes_consumed_by_inbound_detection_are_read_first()
    {
        var frame = V1Transport.Frame(RegtestMagic, "sendheaders", []);

        var message = await ReceiveFrom(frame[16..], frame[..16]);

        message!.Command.Should().Be("sendheaders");
    }

    [Fact]
    public async Task A_clean_close_before_a_message_is_null()
    {
        (await ReceiveFrom([])).Should().BeNull();
    }

    [Fact]
    public async Task A_bad_checksum_wrong_magic_or_oversized_length_drops_the_connection()
    {
        var badChecksum = V1Transport.Frame(RegtestMagic, "ping", new byte[8]);
        badChecksum[20] ^= 1;
        var wrongMagic = V1Transport.Frame(Convert.FromHexString("F9BEB4D9"), "ping", new byte[8]);
        var oversized = V1Transport.Frame(RegtestMagic, "block", []);
        BinaryPrimitives.WriteUInt32LittleEndian(oversized.AsSpan(16), V1Transport.MaxMessagePayload + 1);
        var truncated = V1Transport.Frame(RegtestMagic, "ping", new byte[8])[..28];

        foreach (var bytes in new[] { badChecksum, wrongMagic, oversized, truncated })
            await FluentActions.Awaiting(() => ReceiveFrom(bytes)).Should().ThrowAsync<V1TransportException>();
    }

    [Fact]
    public async Task Random_bytes_either_parse_or_throw_a_transport_exception_never_anything_else()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 4)
                RegtestMagic.CopyTo(bytes, 0); // get past the magic check half the time
            try
            {
                await ReceiveFrom(bytes);
            }
            catch (V1TransportException)
            {
            }
        }
    }
}
