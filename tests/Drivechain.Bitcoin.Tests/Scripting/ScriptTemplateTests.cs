using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Template recognition as Core's Solver, and the script predicates around it.</summary>
public class ScriptTemplateTests
{
    private const string Key33 = "03ad5e0edad18cb1f0fc0d28a3d4f1f3e445640337489abb10404f2d1e086be430";
    private const string Key33b = "0359ef5021964fe22d6f8e05b2463c9540ce96883fe3b278760f048f5189f2e6c4";
    private const string Key65 = "04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f";
    private const string Hash20 = "751e76e8199196d454941c45d1b3a323f1433bd6";
    private const string Hash32 = "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262";

    [Theory]
    [InlineData("21" + Key33 + "ac", ScriptTemplateKind.PubKey, Key33)]
    [InlineData("41" + Key65 + "ac", ScriptTemplateKind.PubKey, Key65)]
    [InlineData("76a914" + Hash20 + "88ac", ScriptTemplateKind.PubKeyHash, Hash20)]
    [InlineData("a914" + Hash20 + "87", ScriptTemplateKind.ScriptHash, Hash20)]
    [InlineData("0014" + Hash20, ScriptTemplateKind.WitnessV0KeyHash, Hash20)]
    [InlineData("0020" + Hash32, ScriptTemplateKind.WitnessV0ScriptHash, Hash32)]
    [InlineData("5120" + Hash32, ScriptTemplateKind.WitnessV1Taproot, Hash32)]
    [InlineData("51024e73", ScriptTemplateKind.Anchor, "4e73")]
    [InlineData("5202abcd", ScriptTemplateKind.WitnessUnknown, "abcd")]
    [InlineData("5114" + Hash20, ScriptTemplateKind.WitnessUnknown, Hash20)]
    [InlineData("6028" + Hash20 + Hash20, ScriptTemplateKind.WitnessUnknown, Hash20 + Hash20)]
    public void Standard_templates_are_recognised_with_their_data(string scriptHex, ScriptTemplateKind kind, string dataHex)
    {
        var template = Script.FromHex(scriptHex).GetTemplate();

        template.Kind.Should().Be(kind);
        Convert.ToHexStringLower(template.Data.Span).Should().Be(dataHex);
    }

    [Theory]
    [InlineData("0014" + Hash20, 0)]
    [InlineData("5120" + Hash32, 1)]
    [InlineData("6002abcd", 16)]
    [InlineData("76a914" + Hash20 + "88ac", -1)]
    public void Witness_kinds_report_their_version(string scriptHex, int version)
    {
        var template = Script.FromHex(scriptHex).GetTemplate();

        template.WitnessVersion.Should().Be(version);
        template.IsWitness.Should().Be(version >= 0);
    }

    [Theory]
    [InlineData("6a")]
    [InlineData("6a00")]
    [InlineData("6a0568656c6c6f")]
    [InlineData("6a4c0568656c6c6f")]
    [InlineData("6a4f5060")]
    public void OP_RETURN_followed_only_by_pushes_is_null_data(string scriptHex)
    {
        var script = Script.FromHex(scriptHex);

        script.GetTemplate().Kind.Should().Be(ScriptTemplateKind.NullData);
        script.IsUnspendable.Should().BeTrue();
    }

    [Theory]
    [InlineData("6a61", "OP_RETURN then OP_NOP")]
    [InlineData("6a05aabb", "truncated push")]
    [InlineData("0018" + Hash20 + "aabbccdd", "24-byte v0 program")]
    [InlineData("004c14" + Hash20, "non-direct push is not a witness program")]
    [InlineData("5129" + Hash20 + Hash20 + "aa", "41-byte program")]
    [InlineData("5101aa", "1-byte program")]
    [InlineData("21" + Key33 + "ad", "P2PK with CHECKSIGVERIFY")]
    [InlineData("21" + "05ad5e0edad18cb1f0fc0d28a3d4f1f3e445640337489abb10404f2d1e086be430" + "ac", "bad key header")]
    [InlineData("76a914" + Hash20 + "88ad", "P2PKH with CHECKSIGVERIFY")]
    [InlineData("", "empty")]
    [InlineData("51", "OP_TRUE")]
    public void Anything_else_is_non_standard(string scriptHex, string why)
    {
        Script.FromHex(scriptHex).GetTemplate().Kind.Should().Be(ScriptTemplateKind.NonStandard, why);
    }

    [Fact]
    public void The_signet_challenge_is_a_one_of_two_bare_multisig()
    {
        var template = Network.Signet.SignetChallenge.GetTemplate();

        template.Kind.Should().Be(ScriptTemplateKind.Multisig);
        template.RequiredSignatures.Should().Be(1);
        template.PubKeys.Select(k => Convert.ToHexStringLower(k.Span)).Should().Equal(Key33, Key33b);
    }

    [Theory]
    [InlineData("52" + "21" + Key33 + "21" + Key33b + "41" + Key65 + "53ae", ScriptTemplateKind.Multisig, 2, 3)]
    [InlineData("51" + "21" + Key33 + "51ae", ScriptTemplateKind.Multisig, 1, 1)]
    [InlineData("53" + "21" + Key33 + "21" + Key33b + "52ae", ScriptTemplateKind.NonStandard, 0, 0)]
    [InlineData("51" + "21" + Key33 + "52ae", ScriptTemplateKind.NonStandard, 0, 0)]
    [InlineData("00" + "21" + Key33 + "51ae", ScriptTemplateKind.NonStandard, 0, 0)]
    [InlineData("51" + "21" + Key33 + "51af", ScriptTemplateKind.NonStandard, 0, 0)]
    [InlineData("51" + "21" + Key33 + "51" + "51ae", ScriptTemplateKind.NonStandard, 0, 0)]
    [InlineData("0101" + "21" + Key33 + "51ae", ScriptTemplateKind.NonStandard, 0, 0)]
    public void Bare_multisig_needs_m_le_n_keys_and_a_matching_n(string scriptHex, ScriptTemplateKind kind, int m, int n)
    {
        var template = Script.FromHex(scriptHex).GetTemplate();

        template.Kind.Should().Be(kind);
        template.RequiredSignatures.Should().Be(m);
        template.PubKeys.Should().HaveCount(n);
    }

    [Fact]
    public void Multisig_counts_above_16_are_read_from_minimal_number_pushes()
    {
        var keys = Enumerable.Range(0, 20).Select(_ => Convert.FromHexString(Key33)).ToList();
        var builder = new ScriptBuilder().Push(17);
        foreach (var key in keys) builder.Push(key);
        var script = builder.Push(20).Op(OpcodeType.OP_CHECKMULTISIG).ToScript();

        var template = script.GetTemplate();

        template.Kind.Should().Be(ScriptTemplateKind.Multisig);
        template.RequiredSignatures.Should().Be(17);
        template.PubKeys.Should().HaveCount(20);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("00514f50600102", true)]
    [InlineData("4c0100", true)]
    [InlineData("61", false)]
    [InlineData("0061", false)]
    [InlineData("02aa", false)]
    [InlineData("4d01", false)]
    public void Push_only_accepts_opcodes_up_to_OP_16_in_a_well_formed_script(string scriptHex, bool pushOnly)
    {
        Script.FromHex(scriptHex).IsPushOnly().Should().Be(pushOnly);
    }

    [Fact]
    public void Oversized_scripts_and_OP_RETURN_scripts_are_unspendable()
    {
        new Script(new byte[Script.MaxScriptSize + 1]).IsUnspendable.Should().BeTrue();
        new Script(new byte[Script.MaxScriptSize]).IsUnspendable.Should().BeFalse();
        Script.FromHex("6a").IsUnspendable.Should().BeTrue();
        Script.FromHex("516a").IsUnspendable.Should().BeFalse();
    }

    [Theory]
    [InlineData("", OpcodeType.OP_0, true)]
    [InlineData("", OpcodeType.OP_PUSHDATA1, false)]
    [InlineData("05", (OpcodeType)1, false)]
    [InlineData("10", (OpcodeType)1, false)]
    [InlineData("11", (OpcodeType)1, true)]
    [InlineData("81", (OpcodeType)1, false)]
    [InlineData("00", (OpcodeType)1, true)]
    [InlineData("aabb", (OpcodeType)2, true)]
    [InlineData("aabb", OpcodeType.OP_PUSHDATA1, false)]
    public void CheckMinimalPush_accepts_only_the_smallest_form(string dataHex, OpcodeType opcode, bool minimal)
    {
        Script.CheckMinimalPush(Convert.FromHexString(dataHex), opcode).Should().Be(minimal);
    }

    [Theory]
    [InlineData(75, OpcodeType.OP_PUSHDATA1, false)]
    [InlineData(76, OpcodeType.OP_PUSHDATA1, true)]
    [InlineData(76, OpcodeType.OP_PUSHDATA2, false)]
    [InlineData(255, OpcodeType.OP_PUSHDATA1, true)]
    [InlineData(256, OpcodeType.OP_PUSHDATA1, false)]
    [InlineData(256, OpcodeType.OP_PUSHDATA2, true)]
    [InlineData(65535, OpcodeType.OP_PUSHDATA2, true)]
    [InlineData(65535, OpcodeType.OP_PUSHDATA4, false)]
    [InlineData(65536, OpcodeType.OP_PUSHDATA4, true)]
    public void CheckMinimalPush_picks_the_pushdata_opcode_by_length(int length, OpcodeType opcode, bool minimal)
    {
        Script.CheckMinimalPush(new byte[length], opcode).Should().Be(minimal);
    }

    [Fact]
    public void CheckMinimalPush_on_a_non_push_opcode_is_a_caller_bug()
    {
        var act = () => Script.CheckMinimalPush([], OpcodeType.OP_1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Witness_program_detection_follows_cores_size_and_version_rules()
    {
        Script.FromHex("0014" + Hash20).IsWitnessProgram(out var v0, out var p0).Should().BeTrue();
        Script.FromHex("6002abcd").IsWitnessProgram(out var v16, out var p16).Should().BeTrue();
        Script.FromHex("0018" + Hash20 + "aabbccdd").IsWitnessProgram().Should().BeTrue("any 2-40 byte v0 program is a witness program");
        Script.FromHex("4f02abcd").IsWitnessProgram().Should().BeFalse("OP_1NEGATE is not a version");
        Script.FromHex("0001ab").IsWitnessProgram().Should().BeFalse("too short");
        Script.FromHex("0014" + Hash20 + "00").IsWitnessProgram().Should().BeFalse("trailing byte");

        (v0, p0.Length, v16, p16.Length).Should().Be((0, 20, 16, 2));
        Script.FromHex("0020" + Hash32).IsPayToWitnessScriptHash.Should().BeTrue();
        Script.FromHex("a914" + Hash20 + "87").IsPayToScriptHash.Should().BeTrue();
        Script.FromHex("a914" + Hash20 + "88").IsPayToScriptHash.Should().BeFalse();
    }

    [Fact]
    public void A_default_template_is_non_standard_with_no_data()
    {
        var template = default(ScriptTemplate);

        template.Kind.Should().Be(ScriptTemplateKind.NonStandard);
        template.IsWitness.Should().BeFalse();
        template.PubKeys.Should().BeEmpty();
        template.Data.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData(OpcodeType.OP_0, 0)]
    [InlineData(OpcodeType.OP_1, 1)]
    [InlineData(OpcodeType.OP_16, 16)]
    public void Small_integers_encode_and_decode(OpcodeType opcode, int value)
    {
        Script.DecodeSmallInteger(opcode).Should().Be(value);
        Script.EncodeSmallInteger(value).Should().Be(opcode);
        Script.IsSmallIntegerOpcode(opcode).Should().BeTrue();
    }
}
