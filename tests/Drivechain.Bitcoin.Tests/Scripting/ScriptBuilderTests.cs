using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>The script builder follows Core's <c>CScript &lt;&lt;</c> encodings.</summary>
public class ScriptBuilderTests
{
    private static string Hex(ScriptBuilder builder) => builder.ToScript().ToHex();

    [Theory]
    [InlineData(-1L, "4f")]
    [InlineData(0L, "00")]
    [InlineData(1L, "51")]
    [InlineData(16L, "60")]
    [InlineData(17L, "0111")]
    [InlineData(127L, "017f")]
    [InlineData(128L, "028000")]
    [InlineData(-2L, "0182")]
    [InlineData(-128L, "028080")]
    [InlineData(255L, "02ff00")]
    [InlineData(256L, "020001")]
    [InlineData(2147483647L, "04ffffff7f")]
    [InlineData(2147483648L, "050000008000")]
    [InlineData(-2147483648L, "050000008080")]
    [InlineData(4294967295L, "05ffffffff00")]
    [InlineData(-4294967295L, "05ffffffff80")]
    [InlineData(486604799L, "04ffff001d")]
    [InlineData(long.MaxValue, "08ffffffffffffff7f")]
    [InlineData(long.MinValue + 1, "08ffffffffffffffff")]
    public void Numbers_are_pushed_as_core_pushes_int64(long number, string hex)
    {
        Hex(new ScriptBuilder().Push(number)).Should().Be(hex);
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(1, "01")]
    [InlineData(75, "4b")]
    [InlineData(76, "4c4c")]
    [InlineData(255, "4cff")]
    [InlineData(256, "4d0001")]
    [InlineData(65535, "4dffff")]
    [InlineData(65536, "4e00000100")]
    public void Data_gets_the_smallest_push_opcode_for_its_length(int length, string header)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 1)).ToArray();

        var script = new ScriptBuilder().Push(data).ToScript();

        script.ToHex().Should().Be(header + Convert.ToHexStringLower(data));
        var reader = new ScriptReader(script.Span);
        reader.TryRead(out var op).Should().BeTrue();
        op.Data.ToArray().Should().Equal(data);
        Script.CheckMinimalPush(op.Data, op.Opcode).Should().Be(length != 1 || data[0] > 16);
    }

    [Theory]
    [InlineData("", "00")]
    [InlineData("01", "51")]
    [InlineData("10", "60")]
    [InlineData("11", "0111")]
    [InlineData("81", "4f")]
    [InlineData("00", "0100")]
    [InlineData("0102", "020102")]
    public void Minimal_pushes_use_the_small_integer_opcodes(string dataHex, string scriptHex)
    {
        var script = new ScriptBuilder().PushMinimal(Convert.FromHexString(dataHex)).ToScript();

        script.ToHex().Should().Be(scriptHex);
        script.HasOnlyMinimalPushes().Should().BeTrue();
    }

    [Fact]
    public void Opcodes_and_raw_bytes_are_appended_verbatim()
    {
        var hash = Enumerable.Repeat((byte)0xab, 20).ToArray();

        var script = new ScriptBuilder()
            .Ops(OpcodeType.OP_DUP, OpcodeType.OP_HASH160).Push(hash).Op(OpcodeType.OP_EQUALVERIFY).Raw([0xac])
            .ToScript();

        script.ToHex().Should().Be("76a914" + new string('a', 0) + Convert.ToHexStringLower(hash) + "88ac");
        script.IsPayToPubKeyHash.Should().BeTrue();
    }

    [Fact]
    public void The_builder_grows_past_its_initial_buffer_and_snapshots_are_independent()
    {
        var builder = new ScriptBuilder();
        var first = builder.Push(new byte[100]).ToScript();
        builder.Push(new byte[1000]);

        first.Length.Should().Be(102);
        builder.Length.Should().Be(102 + 1003);
        builder.ToScript().Span[..102].ToArray().Should().Equal(first.ToArray());
    }

    [Fact]
    public void Script_numbers_encode_zero_as_no_bytes()
    {
        Span<byte> buffer = stackalloc byte[9];

        ScriptBuilder.EncodeScriptNumber(0, buffer).Should().Be(0);
        ScriptBuilder.EncodeScriptNumber(-1, buffer).Should().Be(1);
        buffer[0].Should().Be(0x81);
    }
}
