using System.Security.Cryptography;
using System.Text;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>RFC 8439's ChaCha20 and ChaCha20-Poly1305 vectors (the AEAD is the BCL's, used by FSChaCha20Poly1305).</summary>
public class Bip324Rfc8439Tests
{
    private static readonly byte[] Key00 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Key80 = Enumerable.Range(0x80, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Sunscreen = Encoding.ASCII.GetBytes(
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");

    // (section, key, nonce, counter, plaintext or null for a bare keystream block, expected output)
    private static readonly (string Section, byte[] Key, string Nonce, uint Counter, byte[]? Plain, string Expected)[] ChaChaVectors =
    [
        ("2.3.2 block", Key00, "000000090000004a00000000", 1, null,
            "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4ed2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e"),
        ("2.4.2 encryption", Key00, "000000000000004a00000000", 1, Sunscreen,
            "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
            + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d"),
        ("2.6.2 poly1305 key", Key80, "000000000001020304050607", 0, null,
            "8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646"),
    ];

    public static TheoryData<int> ChaChaRows() => Bip324VectorFiles.Indexes(ChaChaVectors.Length);

    [Theory]
    [MemberData(nameof(ChaChaRows))]
    public void ChaCha20_matches_the_rfc(int index)
    {
        var v = ChaChaVectors[index];
        var nonce = Convert.FromHexString(v.Nonce);
        byte[] output;
        if (v.Plain is null)
        {
            output = new byte[ChaCha20.BlockSize];
            ChaCha20.Block(v.Key, nonce, v.Counter, output);
        }
        else
        {
            output = new byte[v.Plain.Length];
            ChaCha20.Xor(v.Key, nonce, v.Counter, v.Plain, output);
            var back = new byte[output.Length];
            ChaCha20.Xor(v.Key, nonce, v.Counter, output, back);
            back.Should().Equal(v.Plain);
        }
        Convert.ToHexStringLower(output).Should().StartWith(v.Expected);
    }

    [Fact]
    public void The_bcl_aead_is_supported_here() => ChaCha20Poly1305.IsSupported.Should().BeTrue();

    [Fact]
    public void Aead_2_8_2_encrypts_to_the_published_ciphertext_and_tag_and_rejects_a_flipped_bit()
    {
        var nonce = Convert.FromHexString("070000004041424344454647");
        var aad = Convert.FromHexString("50515253c0c1c2c3c4c5c6c7");
        using var aead = new ChaCha20Poly1305(Key80);
        var ciphertext = new byte[Sunscreen.Length];
        var tag = new byte[16];
        aead.Encrypt(nonce, Sunscreen, ciphertext, tag, aad);
        Convert.ToHexStringLower(ciphertext).Should().Be(
            "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
            + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116");
        Convert.ToHexStringLower(tag).Should().Be("1ae10b594f09e26a7e902ecbd0600691");
        // Our ChaCha20 produces the same ciphertext (the AEAD encrypts from block 1).
        var ours = new byte[Sunscreen.Length];
        ChaCha20.Xor(Key80, nonce, 1, Sunscreen, ours);
        ours.Should().Equal(ciphertext);
        ciphertext[5] ^= 1;
        var act = () => aead.Decrypt(nonce, ciphertext, tag, new byte[ciphertext.Length], aad);
        act.Should().Throw<AuthenticationTagMismatchException>();
    }
}
