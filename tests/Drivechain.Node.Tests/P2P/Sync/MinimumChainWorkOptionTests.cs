using System.Numerics;
using Drivechain.Bitcoin.Networks;
using Drivechain.Node.P2P.Sync;

namespace Drivechain.Node.Tests.P2P.Sync;

public sealed class MinimumChainWorkOptionTests
{
    [Fact]
    public void Defaults_are_cores_per_network_and_zero_on_regtest()
    {
        MinimumChainWorkOption.Default(Network.Regtest).Should().Be(BigInteger.Zero);
        MinimumChainWorkOption.Default(Network.Main).Should().Be(BigInteger.Parse("01128750f82f4c366153a3a030", System.Globalization.NumberStyles.HexNumber));
        MinimumChainWorkOption.Default(Network.Signet).Should().BeGreaterThan(BigInteger.Zero);
        MinimumChainWorkOption.Default(Network.TestNet4).Should().BeGreaterThan(BigInteger.Zero);
    }

    [Theory]
    [InlineData("0x1000", 4096)]
    [InlineData("1000", 4096)]
    [InlineData("ff", 255)]
    public void The_option_is_hex_with_or_without_0x(string option, long expected) =>
        MinimumChainWorkOption.Resolve(option, Network.Regtest).Should().Be(new BigInteger(expected));

    [Theory]
    [InlineData("0xzz")]
    [InlineData("0x")]
    [InlineData("12 34")]
    public void Non_hex_values_are_invalid(string option) => MinimumChainWorkOption.IsValid(option).Should().BeFalse();

    [Fact]
    public void A_value_longer_than_256_bits_is_invalid() => MinimumChainWorkOption.IsValid(new string('f', 65)).Should().BeFalse();
}
