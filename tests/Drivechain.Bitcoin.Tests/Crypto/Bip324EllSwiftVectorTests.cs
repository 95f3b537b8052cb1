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
}
