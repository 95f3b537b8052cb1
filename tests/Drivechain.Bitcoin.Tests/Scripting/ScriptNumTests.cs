using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

public class ScriptNumTests
{
    [Theory]
    [InlineData(0L, "")]
    [InlineData(1L, "01")]
    [InlineData(-1L, "81")]
    [InlineData(127L, "7f")]
    [InlineData(128L, "8000")]
    [InlineData(-128L, "8080")]
    [InlineData(255L, "ff00")]
    [InlineData(2147483647L, "ffffff7f")]
    [InlineData(-2147483648L, "0000008080")]
    public void Encode_is_minimal_sign_magnitude(long value, string hex)
    {
        Convert.ToHexStringLower(ScriptNum.Encode(value)).Should().Be(hex);
        ScriptNum.TryDecode(Convert.FromHexString(hex), true, 5, out var decoded).Should().BeTrue();
        decoded.Should().Be(value);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("80")]
    [InlineData("0100")]
    [InlineData("ff0000")]
    public void Non_minimal_encodings_fail_when_minimal_is_required(string hex)
    {
        ScriptNum.TryDecode(Convert.FromHexString(hex), true, 4, out _).Should().BeFalse();
        ScriptNum.TryDecode(Convert.FromHexString(hex), false, 4, out _).Should().BeTrue();
    }

    [Fact]
    public void Five_bytes_exceed_the_default_size_but_fit_locktime_operands()
    {
        var five = Convert.FromHexString("ffffffff00");
        ScriptNum.TryDecode(five, false, ScriptNum.DefaultMaxSize, out _).Should().BeFalse();
        ScriptNum.TryDecode(five, false, ScriptNum.LockTimeMaxSize, out var value).Should().BeTrue();
        value.Should().Be(0xffffffffL);
    }

    [Fact]
    public void Clamp_saturates_to_int()
    {
        ScriptNum.Clamp(long.MaxValue).Should().Be(int.MaxValue);
        ScriptNum.Clamp(-5_000_000_000).Should().Be(int.MinValue);
        ScriptNum.Clamp(42).Should().Be(42);
    }
}
