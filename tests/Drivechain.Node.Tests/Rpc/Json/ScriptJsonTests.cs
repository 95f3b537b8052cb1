using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Tests.Rpc.Json;

public sealed class ScriptJsonTests
{
    [Theory]
    [InlineData("0014751e76e8199196d454941c45d1b3a323f1433bd6", "witness_v0_keyhash", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080")]
    [InlineData("a914751e76e8199196d454941c45d1b3a323f1433bd687", "scripthash", null)]
    [InlineData("6a0473696465", "nulldata", null)]
    [InlineData("b4010151", "nonstandard", null)]
    public void Script_pub_key_objects_use_Core_type_names(string hex, string type, string? address)
    {
        var json = ScriptJson.ScriptPubKey(Script.FromHex(hex), Network.Regtest);

        json["type"]!.GetValue<string>().Should().Be(type);
        json["hex"]!.GetValue<string>().Should().Be(hex);
        if (address is not null) json["address"]!.GetValue<string>().Should().Be(address);
        if (type is "nulldata" or "nonstandard") json.ContainsKey("address").Should().BeFalse();
        json["desc"]!.GetValue<string>().Should().MatchRegex("#[0-9a-z]{8}$");
    }

    [Fact]
    public void Nulldata_and_nonstandard_scripts_infer_raw_descriptors()
    {
        ScriptJson.InferDescriptor(Script.FromHex("6a0473696465"), Network.Regtest).Should().StartWith("raw(6a0473696465)#");
    }

    [Fact]
    public void ScriptSig_asm_decodes_the_sighash_type_of_a_DER_signature()
    {
        const string der = "3044022057292e2d4dfe775becdd0a9e6547997c728cdf35390f6a017da56d654d374e4902206b643be2fc53763b4e284845bfea2c597d2dc7759941dce937636c9d341b71ed";
        var scriptSig = new ScriptBuilder().Push(Convert.FromHexString(der + "01")).Push(Convert.FromHexString("02" + new string('1', 64))).ToScript();

        ScriptJson.ToAsm(scriptSig, attemptSighashDecode: true).Should().StartWith(der + "[ALL] 02");
        ScriptJson.ToAsm(scriptSig).Should().StartWith(der + "01 02");
    }
}
