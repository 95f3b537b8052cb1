using Drivechain.Bitcoin.Scripting;
using Script = Drivechain.Bitcoin.Scripting.Script;

namespace Drivechain.Bitcoin.Tests.Scripting;

public class ScriptAssemblyTests
{
    [Theory]
    [InlineData("17", "0111")]
    [InlineData("127", "017f")]
    [InlineData("128", "028000")]
    [InlineData("-128", "028080")]
    [InlineData("2147483648", "050000008000")]
    [InlineData("-1 0 1 16", "4f005160")]
    [InlineData("0x4c 0x01 0x07", "4c0107")]
    [InlineData("'' 'a'", "000161")]
    [InlineData("DUP OP_HASH160 CHECKLOCKTIMEVERIFY NOP10 RESERVED", "76a9b1b950")]
    [InlineData("  2DUP\t0NOTEQUAL\n", "6e92")]
    [InlineData("", "")]
    public void Parse_follows_Core_notation(string text, string hex) =>
        ScriptAssembly.Parse(text).ToHex().Should().Be(hex);

    [Theory]
    [InlineData("NOP2")]
    [InlineData("TRUE")]
    [InlineData("PUSHDATA1")]
    [InlineData("0x1")]
    [InlineData("4294967296")]
    [InlineData("CHECKSIGADD")]
    public void Parse_rejects_unknown_tokens(string text) =>
        ScriptAssembly.TryParse(text, out _, out var bad).Should().BeFalse(bad);

    [Theory]
    [InlineData("76a914000102030405060708090a0b0c0d0e0f1011121388ac", "OP_DUP OP_HASH160 000102030405060708090a0b0c0d0e0f10111213 OP_EQUALVERIFY OP_CHECKSIG")]
    [InlineData("004f5160", "0 -1 1 16")]
    [InlineData("0281000180", "129 0")]
    [InlineData("bb", "OP_UNKNOWN")]
    [InlineData("4c", "[error]")]
    [InlineData("51 4c", "1 [error]")]
    public void ToAsm_matches_Core(string hex, string asm) =>
        ScriptAssembly.ToAsm(Script.FromHex(hex.Replace(" ", "", StringComparison.Ordinal))).Should().Be(asm);

    [Fact]
    public void ToAsm_decodes_sighash_types_of_signatures_on_request()
    {
        const string der = "3044022057292e2d4dfe775becdd0a9e6547997c728cdf35390f6a017da56d654d374e4902206b643be2fc53763b4e284845bfea2c597d2dc7759941dce937636c9d341b71ed";
        var script = ScriptAssembly.Parse($"0x47 0x{der}81");

        ScriptAssembly.ToAsm(script, attemptSighashDecode: true).Should().Be(der + "[ALL|ANYONECANPAY]");
        ScriptAssembly.ToAsm(script).Should().Be(der + "81");
    }
}
