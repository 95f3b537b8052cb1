using Drivechain.Bitcoin.Crypto.Bip324;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>
/// BIP324's packet_encoding_test_vectors.csv: ECDH, shared secret, every derived key, and the ciphertext of a
/// packet sent after <c>in_idx</c> earlier packets (crossing rekeys); the packet also decrypts back.
/// </summary>
public class Bip324PacketVectorTests
{
    private static readonly byte[] MainnetMagic = [0xf9, 0xbe, 0xb4, 0xd9];

    private static readonly Lazy<IReadOnlyList<string[]>> Rows =
        new(() => Bip324VectorFiles.Rows("packet_encoding_test_vectors.csv", "in_idx,in_priv_ours"));

    public static TheoryData<int> AllRows() => Bip324VectorFiles.Indexes(Rows.Value.Count);

    private static byte[] Hex(string s) => Convert.FromHexString(s);

    [Fact]
    public void The_vector_file_has_all_its_rows() => Rows.Value.Should().HaveCount(7);

    [Theory]
    [MemberData(nameof(AllRows))]
    public void Keys_and_ciphertext_match_the_published_row(int index)
    {
        var f = Rows.Value[index];
        var (idx, priv, ours, theirs, initiating) = (int.Parse(f[0]), Hex(f[1]), Hex(f[2]), Hex(f[3]), f[4] == "1");
        var content = Hex(f[5]);
        var multiply = int.Parse(f[6]);
        var aad = Hex(f[7]);
        var ignore = f[8] == "1";

        var xOurs = new byte[32];
        ElligatorSwift.Decode(ours, xOurs);
        Convert.ToHexStringLower(xOurs).Should().Be(f[9]);
        var xShared = new byte[32];
        ElligatorSwift.TryComputeXOnlyEcdh(theirs, priv, xShared).Should().BeTrue();
        Convert.ToHexStringLower(xShared).Should().Be(f[10]);
        var secret = new byte[32];
        if (initiating)
            Bip324SessionKeys.ComputeSharedSecret(ours, theirs, xShared, secret);
        else
            Bip324SessionKeys.ComputeSharedSecret(theirs, ours, xShared, secret);
        Convert.ToHexStringLower(secret).Should().Be(f[11]);

        using var cipher = new Bip324Cipher(priv, ours);
        cipher.Initialize(theirs, initiating, MainnetMagic).Should().BeTrue();
        var keys = cipher.Keys!;
        Convert.ToHexStringLower(keys.InitiatorL).Should().Be(f[12]);
        Convert.ToHexStringLower(keys.InitiatorP).Should().Be(f[13]);
        Convert.ToHexStringLower(keys.ResponderL).Should().Be(f[14]);
        Convert.ToHexStringLower(keys.ResponderP).Should().Be(f[15]);
        Convert.ToHexStringLower(cipher.SendGarbageTerminator.ToArray()).Should().Be(f[16]);
        Convert.ToHexStringLower(cipher.ReceiveGarbageTerminator.ToArray()).Should().Be(f[17]);
        Convert.ToHexStringLower(cipher.SessionId.ToArray()).Should().Be(f[18]);

        using var selfDecrypt = new Bip324Cipher(priv, ours);
        selfDecrypt.Initialize(theirs, initiating, MainnetMagic, selfDecrypt: true).Should().BeTrue();
        var dummy = new byte[Bip324Cipher.Expansion];
        for (var i = 0; i < idx; i++)
        {
            cipher.Encrypt([], [], false, dummy);
            selfDecrypt.DecryptLength(dummy.AsSpan(0, 3)).Should().Be(0);
            selfDecrypt.Decrypt(dummy.AsSpan(3), [], out _, []).Should().BeTrue();
        }

        var contents = new byte[content.Length * multiply];
        for (var i = 0; i < multiply; i++)
            content.CopyTo(contents, i * content.Length);
        var ciphertext = new byte[contents.Length + Bip324Cipher.Expansion];
        cipher.Encrypt(contents, aad, ignore, ciphertext);
        if (f[19].Length > 0)
            Convert.ToHexStringLower(ciphertext).Should().Be(f[19]);
        else
            Convert.ToHexStringLower(ciphertext).Should().EndWith(f[20]);

        var length = selfDecrypt.DecryptLength(ciphertext.AsSpan(0, 3));
        length.Should().Be(contents.Length);
        var decrypted = new byte[length];
        selfDecrypt.Decrypt(ciphertext.AsSpan(3), aad, out var decryptedIgnore, decrypted).Should().BeTrue();
        decryptedIgnore.Should().Be(ignore);
        decrypted.Should().Equal(contents);
    }
}
