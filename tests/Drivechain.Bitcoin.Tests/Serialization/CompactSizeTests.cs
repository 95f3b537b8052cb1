using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Tests.Serialization;

/// <summary>CompactSize reading and writing as Core's ReadCompactSize/WriteCompactSize.</summary>
public class CompactSizeTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(0xfcUL, "fc")]
    [InlineData(0xfdUL, "fdfd00")]
    [InlineData(0xffffUL, "fdffff")]
    [InlineData(0x10000UL, "fe00000100")]
    [InlineData(0x02000000UL, "fe00000002")]
    public void Canonical_encodings_round_trip(ulong value, string hex)
    {
        var buffer = new byte[BitcoinWriter.CompactSizeLength(value)];
        var writer = new BitcoinWriter(buffer);
        writer.WriteCompactSize(value);
        var reader = new BitcoinReader(Convert.FromHexString(hex));

        Convert.ToHexStringLower(buffer).Should().Be(hex);
        reader.TryReadCompactSize(out var read).Should().BeTrue();
        read.Should().Be(value);
        reader.Remaining.Should().Be(0);
    }

    [Theory]
    [InlineData("fdfc00")]
    [InlineData("fd0000")]
    [InlineData("feffff0000")]
    [InlineData("fe00000000")]
    [InlineData("ffffffffff00000000")]
    [InlineData("ff0000000000000000")]
    public void Non_canonical_encodings_are_rejected_and_the_position_is_kept(string hex)
    {
        var reader = new BitcoinReader(Convert.FromHexString(hex));

        reader.TryReadCompactSize(out _).Should().BeFalse();
        reader.LastError.Should().Be(ParseErrorKind.NonCanonicalCompactSize);
        reader.Position.Should().Be(0);
    }

    [Theory]
    [InlineData("fe01000002", 0x02000001UL)]
    [InlineData("feffffffff", 0xffffffffUL)]
    [InlineData("ff0000000001000000", 0x100000000UL)]
    public void Values_above_MAX_SIZE_are_rejected_unless_the_range_check_is_off(string hex, ulong value)
    {
        var checkedReader = new BitcoinReader(Convert.FromHexString(hex));
        var uncheckedReader = new BitcoinReader(Convert.FromHexString(hex));

        checkedReader.TryReadCompactSize(out _).Should().BeFalse();
        checkedReader.LastError.Should().Be(ParseErrorKind.CompactSizeTooLarge);
        uncheckedReader.TryReadCompactSize(out var read, rangeCheck: false).Should().BeTrue();
        read.Should().Be(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fd")]
    [InlineData("fdff")]
    [InlineData("fe000001")]
    [InlineData("ff00000000010000")]
    public void Truncated_encodings_are_rejected(string hex)
    {
        var reader = new BitcoinReader(Convert.FromHexString(hex));

        reader.TryReadCompactSize(out _).Should().BeFalse();
        reader.LastError.Should().Be(ParseErrorKind.Truncated);
        reader.Position.Should().Be(0);
    }

    [Fact]
    public void A_count_larger_than_the_remaining_input_could_hold_is_rejected()
    {
        var reader = new BitcoinReader(Convert.FromHexString("0a" + new string('0', 2 * 40)));

        reader.TryReadCount(41, out _).Should().BeFalse();
        reader.LastError.Should().Be(ParseErrorKind.CountTooLarge);
    }

    [Fact]
    public void A_var_bytes_length_beyond_the_remaining_input_is_rejected()
    {
        var reader = new BitcoinReader(Convert.FromHexString("fd0001" + "00"));

        reader.TryReadVarBytes(out _).Should().BeFalse();
        reader.LastError.Should().Be(ParseErrorKind.Truncated);
        reader.Position.Should().Be(0);
    }

    [Fact]
    public void A_transaction_claiming_MAX_SIZE_inputs_fails_before_allocating_for_them()
    {
        // version, then 0x02000000 inputs, then almost nothing.
        var bytes = Convert.FromHexString("01000000" + "fe00000002" + "0000000000");
        _ = Transaction.TryParse(bytes, out _, out _); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ok = Transaction.TryParse(bytes, out _, out var error);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        ok.Should().BeFalse();
        error.Kind.Should().Be(ParseErrorKind.CountTooLarge);
        allocated.Should().BeLessThan(4096);
    }

    [Fact]
    public void A_block_claiming_millions_of_transactions_fails_before_allocating_for_them()
    {
        var bytes = new byte[80 + 5 + 20];
        Convert.FromHexString("fe00000002").CopyTo(bytes, 80);
        _ = Block.TryParse(bytes, out _, out _); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ok = Block.TryParse(bytes, out _, out var error);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        ok.Should().BeFalse();
        error.Kind.Should().Be(ParseErrorKind.CountTooLarge);
        allocated.Should().BeLessThan(4096);
    }

    [Fact]
    public void A_witness_item_length_beyond_the_input_is_rejected()
    {
        // segwit tx: 1 input, 1 output, witness with one item claiming 0x1000 bytes.
        var hex = "01000000" + "0001" + "01" + new string('1', 64) + "00000000" + "00" + "ffffffff"
            + "01" + "0000000000000000" + "00" + "01" + "fd0010" + "00" + "00000000";

        Transaction.TryParseHex(hex, out _, out var error).Should().BeFalse();
        error.Kind.Should().Be(ParseErrorKind.Truncated);
    }
}
