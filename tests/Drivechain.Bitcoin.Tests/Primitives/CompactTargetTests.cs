using System.Numerics;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Tests.Primitives;

/// <summary>Compact "bits" ↔ target, as Core's arith_uint256 SetCompact/GetCompact (arith_uint256_tests).</summary>
public class CompactTargetTests
{
    [Theory]
    [InlineData(0x00000000u)]
    [InlineData(0x00123456u)]
    [InlineData(0x01003456u)]
    [InlineData(0x02000056u)]
    [InlineData(0x03000000u)]
    [InlineData(0x04000000u)]
    [InlineData(0x00923456u)]
    [InlineData(0x01803456u)]
    [InlineData(0x02800056u)]
    [InlineData(0x03800000u)]
    [InlineData(0x04800000u)]
    public void Compacts_whose_mantissa_vanishes_decode_to_zero_and_are_neither_negative_nor_overflowing(uint compact)
    {
        var target = BlockHeader.DecodeCompact(compact, out var negative, out var overflow);

        target.Should().Be(BigInteger.Zero);
        negative.Should().BeFalse();
        overflow.Should().BeFalse();
        BlockHeader.EncodeCompact(target).Should().Be(0u);
    }

    [Theory]
    [InlineData(0x01123456u, "12", 0x01120000u)]
    [InlineData(0x02123456u, "1234", 0x02123400u)]
    [InlineData(0x03123456u, "123456", 0x03123456u)]
    [InlineData(0x04123456u, "12345600", 0x04123456u)]
    [InlineData(0x05009234u, "92340000", 0x05009234u)]
    [InlineData(0x20123456u, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456u)]
    public void Positive_compacts_decode_and_re_encode_as_in_core(uint compact, string targetHex, uint reEncoded)
    {
        var target = BlockHeader.DecodeCompact(compact, out var negative, out var overflow);

        target.Should().Be(BigInteger.Parse("0" + targetHex, System.Globalization.NumberStyles.HexNumber));
        negative.Should().BeFalse();
        overflow.Should().BeFalse();
        BlockHeader.EncodeCompact(target).Should().Be(reEncoded);
    }

    [Theory]
    [InlineData(0x01fedcbau, 0x7e)]
    [InlineData(0x04923456u, 0x12345600)]
    public void Compacts_with_the_sign_bit_and_a_mantissa_are_negative(uint compact, long magnitude)
    {
        var target = BlockHeader.DecodeCompact(compact, out var negative, out var overflow);

        target.Should().Be(new BigInteger(magnitude));
        negative.Should().BeTrue();
        overflow.Should().BeFalse();
    }

    [Theory]
    [InlineData(0xff123456u)]
    [InlineData(0x23000001u)]
    [InlineData(0x22000100u)]
    [InlineData(0x21010000u)]
    public void Compacts_beyond_256_bits_overflow(uint compact)
    {
        BlockHeader.DecodeCompact(compact, out _, out var overflow).Should().NotBe(BigInteger.Zero);
        overflow.Should().BeTrue();
    }

    [Theory]
    [InlineData(0x22000001u)]
    [InlineData(0x21000100u)]
    [InlineData(0x20010000u)]
    public void Compacts_at_the_edge_of_256_bits_do_not_overflow(uint compact)
    {
        BlockHeader.DecodeCompact(compact, out _, out var overflow);

        overflow.Should().BeFalse();
    }

    [Theory]
    [InlineData(0x1d00ffffu)]
    [InlineData(0x18058436u)]
    [InlineData(0x207fffffu)]
    [InlineData(0x1e0377aeu)]
    [InlineData(0x1b0404cbu)]
    [InlineData(0x1c05a3f4u)]
    public void Normalised_compacts_round_trip(uint compact)
    {
        BlockHeader.EncodeCompact(BlockHeader.DecodeCompact(compact, out _, out _)).Should().Be(compact);
    }

    [Fact]
    public void Encoding_keeps_the_three_most_significant_bytes()
    {
        var target = (BigInteger.One << 255) - 1;
        var encoded = BlockHeader.EncodeCompact(target);

        encoded.Should().Be(0x207fffffu);
        BlockHeader.DecodeCompact(encoded, out _, out _).Should().Be(new BigInteger(0x7fffff) << 232);
    }

    [Fact]
    public void Invalid_bits_give_zero_target_zero_work_and_fail_proof_of_work()
    {
        var header = new BlockHeader(1, UInt256.Zero, UInt256.Zero, 0, 0x04923456, 0);

        header.Target.Should().Be(BigInteger.Zero);
        header.Work.Should().Be(BigInteger.Zero);
        header.CheckProofOfWork(BigInteger.One << 255).Should().BeFalse();
    }
}
