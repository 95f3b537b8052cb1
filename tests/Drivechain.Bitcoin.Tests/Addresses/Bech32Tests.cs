using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Networks;

namespace Drivechain.Bitcoin.Tests.Addresses;

/// <summary>BIP173/BIP350 checksum vectors and the decoding rules Core applies.</summary>
public class Bech32Tests
{
    [Theory]
    [InlineData("A12UEL5L")]
    [InlineData("a12uel5l")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [InlineData("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [InlineData("?1ezyfcl")]
    public void BIP173_valid_strings_decode_as_bech32_and_re_encode(string text)
    {
        Bech32.Decode(text, out var hrp, out var data).Should().Be(Bech32Encoding.Bech32);

        Bech32.Encode(hrp!, data, Bech32Encoding.Bech32).Should().Be(text.ToLowerInvariant());
    }

    [Theory]
    [InlineData("A1LQFN3A")]
    [InlineData("a1lqfn3a")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6")]
    [InlineData("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx")]
    [InlineData("11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperredlc445v")]
    [InlineData("?1v759aa")]
    public void BIP350_valid_strings_decode_as_bech32m_and_re_encode(string text)
    {
        Bech32.Decode(text, out var hrp, out var data).Should().Be(Bech32Encoding.Bech32m);

        Bech32.Encode(hrp!, data, Bech32Encoding.Bech32m).Should().Be(text.ToLowerInvariant());
    }

    [Theory]
    [InlineData("\u00201nwldj5", "HRP character out of range")]
    [InlineData("\u007f1axkwrx", "HRP character out of range")]
    [InlineData("\u00801eym55h", "HRP character out of range")]
    [InlineData("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", "overall max length exceeded")]
    [InlineData("pzry9x0s0muk", "no separator")]
    [InlineData("1pzry9x0s0muk", "empty HRP")]
    [InlineData("x1b4n0q5v", "invalid data character")]
    [InlineData("li1dgmt3", "too short checksum")]
    [InlineData("de1lg7wt\u00ff", "invalid character in checksum")]
    [InlineData("A1G7SGD8", "checksum calculated with uppercase form of HRP")]
    [InlineData("10a06t8", "empty HRP")]
    [InlineData("1qzzfhee", "empty HRP")]
    [InlineData("a12UEL5L", "mixed case")]
    public void BIP173_invalid_strings_are_rejected(string text, string reason)
    {
        Bech32.Decode(text, out _, out _).Should().Be(Bech32Encoding.Invalid, reason);
    }

    [Fact]
    public void Upper_and_lower_case_forms_decode_identically()
    {
        var lower = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

        Address.TryParse(lower.ToUpperInvariant(), Network.Main, out var upper).Should().BeTrue();
        upper!.Text.Should().Be(lower);
        upper.ScriptPubKey.ToHex().Should().Be("0014751e76e8199196d454941c45d1b3a323f1433bd6");
    }

    [Fact]
    public void Bit_conversion_rejects_non_zero_padding_and_excess_padding()
    {
        Bech32.TryConvertBits([0b11111, 0b00001], 5, 8, pad: false, out _).Should().BeFalse("the two leftover bits are not zero");
        Bech32.TryConvertBits([0b11111, 0b11100], 5, 8, pad: false, out var ok).Should().BeTrue();
        ok.Should().Equal(0xff);
        Bech32.TryConvertBits([0b11111, 0b11100, 0], 5, 8, pad: false, out _).Should().BeFalse("five bits of padding is a whole group");
        Bech32.TryConvertBits([0xff], 8, 5, pad: true, out var padded).Should().BeTrue();
        padded.Should().Equal(0b11111, 0b11100);
    }

    [Fact]
    public void Encoding_rejects_an_uppercase_hrp_and_values_above_31()
    {
        var upper = () => Bech32.Encode("BC", [0], Bech32Encoding.Bech32);
        var wide = () => Bech32.Encode("bc", [32], Bech32Encoding.Bech32);

        upper.Should().Throw<ArgumentException>();
        wide.Should().Throw<ArgumentException>();
    }
}
