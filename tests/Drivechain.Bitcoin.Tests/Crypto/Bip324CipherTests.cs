using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto.Bip324;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>The packet cipher and message types beyond the published vectors: round trips, rekeying, tampering, junk.</summary>
public class Bip324CipherTests
{
    private static readonly byte[] Magic = [0xfa, 0xbf, 0xb5, 0xda];

    /// <summary>Two initialised ends of one session, disposed together.</summary>
    private sealed class Pair : IDisposable
    {
        public Bip324Cipher A { get; } = Bip324Cipher.CreateRandom();
        public Bip324Cipher B { get; } = Bip324Cipher.CreateRandom();

        public Pair()
        {
            A.Initialize(B.OurEncoding, initiator: true, Magic).Should().BeTrue();
            B.Initialize(A.OurEncoding, initiator: false, Magic).Should().BeTrue();
        }

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
        }
    }

    [Fact]
    public void A_thousand_packets_each_way_decrypt_across_four_rekeys()
    {
        using var pair = new Pair();
        var (a, b) = (pair.A, pair.B);
        {
            for (var i = 0; i < 1000; i++)
            {
                var (sender, receiver) = i % 2 == 0 ? (a, b) : (b, a);
                var contents = RandomNumberGenerator.GetBytes(i % 70);
                var packet = new byte[contents.Length + Bip324Cipher.Expansion];
                sender.Encrypt(contents, [], ignore: i % 3 == 0, packet);
                var length = receiver.DecryptLength(packet.AsSpan(0, 3));
                length.Should().Be(contents.Length);
                var decrypted = new byte[length];
                receiver.Decrypt(packet.AsSpan(3), [], out var ignore, decrypted).Should().BeTrue();
                ignore.Should().Be(i % 3 == 0);
                decrypted.Should().Equal(contents);
            }
        }
    }

    [Fact]
    public void Any_flipped_bit_or_wrong_aad_fails_authentication_without_throwing()
    {
        using var pair = new Pair();
        var (a, b) = (pair.A, pair.B);
        {
            var packet = new byte[5 + Bip324Cipher.Expansion];
            a.Encrypt([1, 2, 3, 4, 5], [9, 9], ignore: false, packet);
            b.DecryptLength(packet.AsSpan(0, 3)).Should().Be(5);
            b.Decrypt(packet.AsSpan(3), [9, 8], out _, new byte[5]).Should().BeFalse();
        }
    }

    [Fact]
    public void Random_junk_never_decrypts_and_never_throws()
    {
        using var pair = new Pair();
        var (a, b) = (pair.A, pair.B);
        {
            for (var i = 0; i < 500; i++)
            {
                var junk = RandomNumberGenerator.GetBytes(3 + 17 + (i % 40));
                b.DecryptLength(junk.AsSpan(0, 3)).Should().BeInRange(0, 0xFFFFFF);
                b.Decrypt(junk.AsSpan(3), [], out _, new byte[junk.Length - 20]).Should().BeFalse();
            }
        }
    }

    [Theory]
    [InlineData("addr", 1)]
    [InlineData("block", 2)]
    [InlineData("headers", 13)]
    [InlineData("tx", 21)]
    [InlineData("addrv2", 28)]
    public void Short_ids_follow_the_bip324_table(string command, byte id)
    {
        var buffer = new byte[13];
        Bip324MessageTypes.Encode(command, buffer).Should().Be(1);
        buffer[0].Should().Be(id);
        Bip324MessageTypes.TryDecode(buffer.AsSpan(0, 1), out var decoded, out var consumed).Should().BeTrue();
        (decoded, consumed).Should().Be((command, 1));
    }

    [Fact]
    public void Commands_without_short_id_use_the_long_form()
    {
        var buffer = new byte[13];
        Bip324MessageTypes.Encode("version", buffer).Should().Be(13);
        buffer[0].Should().Be(0);
        Bip324MessageTypes.TryDecode(buffer, out var decoded, out var consumed).Should().BeTrue();
        (decoded, consumed).Should().Be(("version", 13));
    }

    [Theory]
    [InlineData("1d")] // unassigned short id 29
    [InlineData("ff")] // beyond the table
    [InlineData("00")] // long form cut short
    [InlineData("0076657273696f6e00000000")] // only 11 command bytes after the type byte: truncated
    [InlineData("0000000000000000000000000000")] // empty command
    [InlineData("0076650072000000000000000000")] // data after the terminating zero
    [InlineData("0076651f72000000000000000000")] // non-printable
    public void Malformed_types_are_rejected(string hex)
    {
        Bip324MessageTypes.TryDecode(Convert.FromHexString(hex), out _, out _).Should().BeFalse();
    }
}
