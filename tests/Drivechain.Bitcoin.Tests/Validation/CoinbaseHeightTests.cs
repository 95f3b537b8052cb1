using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class CoinbaseHeightTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(1, "51")]
    [InlineData(16, "60")]
    [InlineData(17, "0111")]
    [InlineData(127, "017f")]
    [InlineData(128, "028000")]
    [InlineData(500, "02f401")]
    [InlineData(32768, "03008000")]
    [InlineData(227_931, "035b7a03")]
    [InlineData(8_388_608, "0400008000")]
    public void Height_encodes_as_Cores_CScript_push(int height, string hex) =>
        CoinbaseHeight.Encode(height).ToHex().Should().Be(hex);

    [Fact]
    public void Prefix_check_accepts_trailing_bytes_and_rejects_other_encodings()
    {
        CoinbaseHeight.HasPrefix(Script.FromHex("0111deadbeef"), 17).Should().BeTrue();
        CoinbaseHeight.HasPrefix(Script.FromHex("011100"), 17).Should().BeTrue();
        CoinbaseHeight.HasPrefix(Script.FromHex("021100"), 17).Should().BeFalse("a non-minimal push");
        CoinbaseHeight.HasPrefix(Script.FromHex("0112"), 17).Should().BeFalse();
        CoinbaseHeight.HasPrefix(Script.FromHex("01"), 17).Should().BeFalse();
        CoinbaseHeight.HasPrefix(Script.FromHex("0101"), 1).Should().BeFalse("1 must be OP_1");
    }
}
