using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>Core's lax DER parser and low-S rule (ecdsa_signature_parse_der_lax, CPubKey::CheckLowS).</summary>
public class EcdsaSignaturesTests
{
    private const string R = "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8";
    private const string S = "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5";
    private const string Order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    private static string Der(string rContent, string sContent) =>
        $"30{(rContent.Length + sContent.Length) / 2 + 4:x2}02{rContent.Length / 2:x2}{rContent}02{sContent.Length / 2:x2}{sContent}";

    private static byte[]? ParseLax(string hex)
    {
        var compact = new byte[64];
        return EcdsaSignatures.TryParseDerLax(Convert.FromHexString(hex), compact) ? compact : null;
    }

    [Fact]
    public void Strict_der_parses_to_r_and_s()
    {
        ParseLax(Der("00" + R, S)).Should().Equal(Convert.FromHexString(R + S));
    }

    [Fact]
    public void Excessive_zero_padding_in_r_and_s_is_stripped()
    {
        ParseLax(Der("000000" + R, "0000" + S)).Should().Equal(Convert.FromHexString(R + S));
    }

    [Fact]
    public void Negative_looking_integers_without_padding_are_accepted()
    {
        ParseLax(Der(R, S)).Should().Equal(Convert.FromHexString(R + S));
    }

    [Fact]
    public void Trailing_garbage_after_s_is_ignored()
    {
        ParseLax(Der("00" + R, S) + "deadbeef").Should().Equal(Convert.FromHexString(R + S));
    }

    [Fact]
    public void Wrong_sequence_length_is_ignored()
    {
        ParseLax("3001" + Der("00" + R, S)[4..]).Should().Equal(Convert.FromHexString(R + S));
    }

    [Fact]
    public void Long_form_sequence_and_integer_lengths_with_zero_bytes_are_accepted()
    {
        var hex = "3082ffff" + "0283000021" + "00" + R + "028120" + S;

        ParseLax(hex).Should().Equal(Convert.FromHexString(R + S));
    }

    [Fact]
    public void Integer_length_needing_four_bytes_fails()
    {
        ParseLax("3006" + "028401000000" + R + "0220" + S).Should().BeNull();
    }

    [Fact]
    public void Sequence_long_form_length_running_past_the_end_fails()
    {
        ParseLax("3085").Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("31")]
    [InlineData("30")]
    [InlineData("3006")]
    [InlineData("300603")]
    [InlineData("30060201")]
    [InlineData("3006020101")]
    [InlineData("300602010102")]
    [InlineData("30060201010202")]
    [InlineData("3006020101020201")]
    public void Truncated_or_mistagged_structure_fails(string hex)
    {
        ParseLax(hex).Should().BeNull();
    }

    [Fact]
    public void Zero_length_integers_parse_as_zero()
    {
        ParseLax("300402000200").Should().Equal(new byte[64]);
    }

    [Fact]
    public void R_longer_than_32_bytes_gives_the_all_zero_signature()
    {
        ParseLax(Der("01" + R, S)).Should().Equal(new byte[64]);
    }

    [Fact]
    public void S_equal_to_the_order_gives_the_all_zero_signature()
    {
        ParseLax(Der("00" + R, "00" + Order)).Should().Equal(new byte[64]);
    }

    [Fact]
    public void Low_s_is_reported_and_high_s_is_not()
    {
        var low = Convert.FromHexString(R + "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
        var high = Convert.FromHexString(R + "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1");

        EcdsaSignatures.IsLowS(low).Should().BeTrue();
        EcdsaSignatures.IsLowS(high).Should().BeFalse();
    }

    [Theory]
    [InlineData(0x02, 33)]
    [InlineData(0x03, 33)]
    [InlineData(0x04, 65)]
    [InlineData(0x06, 65)]
    [InlineData(0x07, 65)]
    [InlineData(0x05, 0)]
    [InlineData(0x00, 0)]
    public void Public_key_length_follows_the_header_byte(byte header, int expected)
    {
        EcdsaSignatures.PublicKeyLength(header).Should().Be(expected);
    }
}
