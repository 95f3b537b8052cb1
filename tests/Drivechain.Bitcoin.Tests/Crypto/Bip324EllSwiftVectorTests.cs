using Drivechain.Bitcoin.Crypto.Bip324;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>BIP324's ElligatorSwift vectors: decoding (xelligatorswift) and the inverse for all 8 cases (xswiftec).</summary>
public class Bip324EllSwiftVectorTests
{
    private static readonly Lazy<IReadOnlyList<string[]>> Decoding =
        new(() => Bip324VectorFiles.Rows("xelligatorswift_test_vectors.csv", "ellswift,x"));

    private static readonly Lazy<IReadOnlyList<string[]>> Inverse =
        new(() => Bip324VectorFiles.Rows("xswiftec_test_vectors.csv", "u,x,case0_t"));

    public static TheoryData<int> DecodingRows() => Bip324VectorFiles.Indexes(Decoding.Value.Count);

    public static TheoryData<int> InverseRows() => Bip324VectorFiles.Indexes(Inverse.Value.Count);

    [Fact]
    public void The_vector_files_have_all_their_rows()
    {
        Decoding.Value.Should().HaveCount(16);
        Inverse.Value.Should().HaveCount(32);
    }

    [Theory]
    [MemberData(nameof(DecodingRows))]
    public void Decoding_an_encoding_gives_the_published_x(int index)
    {
        var row = Decoding.Value[index];
        var x = new byte[32];
        ElligatorSwift.Decode(Convert.FromHexString(row[0]), x);
        Convert.ToHexStringLower(x).Should().Be(row[1]);
    }

    [Theory]
    [MemberData(nameof(InverseRows))]
    public void Inverting_gives_the_published_t_for_every_case_and_it_decodes_back(int index)
    {
        var row = Inverse.Value[index];
        var u = Convert.FromHexString(row[0]);
        var x = Convert.FromHexString(row[1]);
        for (var c = 0; c < 8; c++)
        {
            var expected = row[2 + c];
            var t = new byte[32];
            var found = ElligatorSwift.TryInvert(x, u, c, t);
            found.Should().Be(expected.Length > 0, "case {0}", c);
            if (!found)
                continue;
            Convert.ToHexStringLower(t).Should().Be(expected, "case {0}", c);
            var decoded = new byte[32];
            ElligatorSwift.Decode([.. u, .. t], decoded);
            decoded.Should().Equal(x, "case {0} decodes back to x", c);
        }
    }

    [Fact]
    public void Two_random_keys_agree_on_the_ecdh_secret()
    {
        using var a = Bip324Cipher.CreateRandom();
        using var b = Bip324Cipher.CreateRandom();
        var magic = new byte[] { 0xfa, 0xbf, 0xb5, 0xda };
        a.Initialize(b.OurEncoding, initiator: true, magic).Should().BeTrue();
        b.Initialize(a.OurEncoding, initiator: false, magic).Should().BeTrue();
        a.SessionId.ToArray().Should().Equal(b.SessionId.ToArray());
        a.SendGarbageTerminator.ToArray().Should().Equal(b.ReceiveGarbageTerminator.ToArray());
    }

    [Fact]
    public void Created_encodings_decode_to_the_public_key_and_use_every_case()
    {
        var secretKey = Convert.FromHexString("e79f04ad4c684525ff3e3cf7c19f4cdb11193d387d7f3fe82a948a0c3165f5fe");
        var expectedX = new byte[32];
        ElligatorSwift.Decode(Convert.FromHexString(
            "4eff53ea1945e57b5d170565e760d771e5d496101c1005c302fd687af80d8b858c5a681c474fc4c0546ee464a1b95899ecb9d4f50c2c0854fe029fc054ae6777"),
            expectedX);
        var cases = new HashSet<int>();
        for (var i = 0; i < 64; i++)
        {
            var encoding = new byte[64];
            ElligatorSwift.TryCreate(secretKey, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), encoding).Should().BeTrue();
            var x = new byte[32];
            ElligatorSwift.Decode(encoding, x);
            x.Should().Equal(expectedX);
            for (var c = 0; c < 8; c++)
            {
                var t = new byte[32];
                if (ElligatorSwift.TryInvert(x, encoding.AsSpan(0, 32), c, t) && t.AsSpan().SequenceEqual(encoding.AsSpan(32)))
                    cases.Add(c);
            }
        }
        cases.Count.Should().BeGreaterThan(4, "64 encodings should come from most of the 8 inversion cases");
    }

    [Fact]
    public void Invalid_secret_keys_are_refused()
    {
        var encoding = new byte[64];
        ElligatorSwift.TryCreate(new byte[32], new byte[32], encoding).Should().BeFalse();
        var order = Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        ElligatorSwift.TryComputeXOnlyEcdh(new byte[64], order, new byte[32]).Should().BeFalse();
    }
}
