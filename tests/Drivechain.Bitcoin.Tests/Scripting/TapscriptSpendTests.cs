using Drivechain.Bitcoin.Tests.Crypto;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Script-path spends built and signed here: CHECKSIGADD, OP_CODESEPARATOR position, annex, validation weight.</summary>
public class TapscriptSpendTests
{
    private const ScriptVerifyFlags Flags = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;
    private static readonly byte[] Key1 = Convert.FromHexString("0101010101010101010101010101010101010101010101010101010101010101");
    private static readonly byte[] Key2 = Convert.FromHexString("0202020202020202020202020202020202020202020202020202020202020202");
    private static readonly byte[] InternalSecret = Convert.FromHexString("0303030303030303030303030303030303030303030303030303030303030303");

    public static TheoryData<string> BackendNames() => [.. Secp256k1Backends.Names];

    private sealed record Spend(Transaction Tx, TxOut Spent);

    /// <summary>Builds a one-leaf tree, signs with <paramref name="sign"/> (given the sighash function), returns the spend.</summary>
    private static Spend Build(ISecp256k1 secp, Script leaf, Func<Func<uint, byte, UInt256>, byte[][]> sign, byte[]? annex = null)
    {
        var internalKey = secp.GetXOnlyPublicKey(InternalSecret);
        var leafHash = TaprootCommitment.LeafHash(TaprootCommitment.LeafTapscript, leaf.Span);
        var tweak = TaprootCommitment.TweakHash(internalKey, leafHash).ToBytes();
        secp.TryTweakXOnlyPublicKey(internalKey, tweak, out var outputKey, out bool parity).Should().BeTrue();
        var spent = new TxOut(new Money(50_000), new Script((byte[])[0x51, 0x20, .. outputKey]));
        byte[] control = [(byte)(TaprootCommitment.LeafTapscript | (parity ? 1 : 0)), .. internalKey];
        var outputs = new[] { new TxOut(new Money(40_000), Script.FromHex("0014" + new string('5', 40))) };
        Transaction Make(Witness w) => new(2, [new TxIn(new OutPoint(new UInt256(99UL), 1), Script.Empty, 0xfffffffe, w)], [.. outputs], 0);
        var data = new PrecomputedTransactionData(Make(Witness.Empty), [spent]);
        UInt256 Sighash(uint codeSeparator, byte hashType)
        {
            SignatureHash.TryTaproot(data, 0, hashType, leafHash, codeSeparator, annex ?? default, out var h).Should().BeTrue();
            return h;
        }
        var stack = sign(Sighash);
        byte[][] items = annex is null ? [.. stack, leaf.ToArray(), control] : [.. stack, leaf.ToArray(), control, annex];
        return new Spend(Make(Witness.Of(items)), spent);
    }

    private static ScriptError VerifySpend(Spend spend, ISecp256k1 secp)
    {
        var data = new PrecomputedTransactionData(spend.Tx, [spend.Spent]);
        return ScriptVerifier.VerifyInput(data, 0, Flags, secp, out var error) ? ScriptError.Ok : error;
    }

    private static Script TwoOfTwo(ISecp256k1 secp) => ScriptAssembly.Parse(
        $"0x20 0x{Convert.ToHexStringLower(secp.GetXOnlyPublicKey(Key1))} CHECKSIG 0x20 0x{Convert.ToHexStringLower(secp.GetXOnlyPublicKey(Key2))} 0xba 2 NUMEQUAL");

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Two_of_two_checksigadd_spend_verifies(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var spend = Build(secp, TwoOfTwo(secp), sighash =>
        {
            var h = sighash(0xFFFFFFFF, 0).ToBytes();
            return [secp.SignSchnorr(h, Key2, new byte[32]), secp.SignSchnorr(h, Key1, new byte[32])];
        });
        VerifySpend(spend, secp).Should().Be(ScriptError.Ok);
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Checksigadd_with_one_empty_signature_fails_the_threshold(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var spend = Build(secp, TwoOfTwo(secp), sighash =>
            [Array.Empty<byte>(), secp.SignSchnorr(sighash(0xFFFFFFFF, 0).ToBytes(), Key1, new byte[32])]);
        VerifySpend(spend, secp).Should().Be(ScriptError.EvalFalse);
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Signature_over_the_wrong_hash_type_fails_with_schnorr_sig(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var spend = Build(secp, TwoOfTwo(secp), sighash =>
        {
            var wrong = secp.SignSchnorr(sighash(0xFFFFFFFF, 1).ToBytes(), Key2, new byte[32]);
            return [wrong, secp.SignSchnorr(sighash(0xFFFFFFFF, 0).ToBytes(), Key1, new byte[32])];
        });
        VerifySpend(spend, secp).Should().Be(ScriptError.SchnorrSig);
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Codeseparator_position_is_committed(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var leaf = ScriptAssembly.Parse($"1 DROP CODESEPARATOR 0x20 0x{Convert.ToHexStringLower(secp.GetXOnlyPublicKey(Key1))} CHECKSIG");
        var good = Build(secp, leaf, sighash => [[.. secp.SignSchnorr(sighash(2, 0x83).ToBytes(), Key1, new byte[32]), 0x83]]);
        var bad = Build(secp, leaf, sighash => [[.. secp.SignSchnorr(sighash(0xFFFFFFFF, 0x83).ToBytes(), Key1, new byte[32]), 0x83]]);
        VerifySpend(good, secp).Should().Be(ScriptError.Ok);
        VerifySpend(bad, secp).Should().Be(ScriptError.SchnorrSig);
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Annex_is_committed_by_the_signature(string backend)
    {
        var secp = Secp256k1Backends.Get(backend);
        var leaf = ScriptAssembly.Parse($"0x20 0x{Convert.ToHexStringLower(secp.GetXOnlyPublicKey(Key1))} CHECKSIG");
        byte[] annex = [0x50, 0xde, 0xad];
        var spend = Build(secp, leaf, sighash => [secp.SignSchnorr(sighash(0xFFFFFFFF, 0).ToBytes(), Key1, new byte[32])], annex);
        VerifySpend(spend, secp).Should().Be(ScriptError.Ok);

        var stripped = spend.Tx.Inputs[0].Witness.Items.RemoveAt(spend.Tx.Inputs[0].Witness.Count - 1);
        var withoutAnnex = new Spend(new Transaction(2, [spend.Tx.Inputs[0] with { Witness = new Witness(stripped) }], spend.Tx.Outputs, 0), spend.Spent);
        VerifySpend(withoutAnnex, secp).Should().Be(ScriptError.SchnorrSig);
    }

    [Fact]
    public void Too_many_signature_checks_for_the_witness_size_exceed_the_validation_weight()
    {
        var secp = Secp256k1Backends.Preferred;
        var pk = Convert.ToHexStringLower(secp.GetXOnlyPublicKey(Key1));
        var leaf = ScriptAssembly.Parse(string.Concat(Enumerable.Repeat($"DUP 0x20 0x{pk} CHECKSIGVERIFY ", 12)) + "DROP 1");
        var spend = Build(secp, leaf, sighash => [secp.SignSchnorr(sighash(0xFFFFFFFF, 0).ToBytes(), Key1, new byte[32])]);
        VerifySpend(spend, secp).Should().Be(ScriptError.TapscriptValidationWeight);
    }

    [Fact]
    public void Wrong_control_block_internal_key_fails_with_program_mismatch()
    {
        var secp = Secp256k1Backends.Preferred;
        var leaf = ScriptAssembly.Parse("1");
        var spend = Build(secp, leaf, _ => []);
        VerifySpend(spend, secp).Should().Be(ScriptError.Ok);
        var items = spend.Tx.Inputs[0].Witness.Items;
        var control = items[^1].ToArray();
        control[5] ^= 1;
        var tampered = new Witness(items.SetItem(items.Length - 1, control));
        var bad = new Spend(new Transaction(2, [spend.Tx.Inputs[0] with { Witness = tampered }], spend.Tx.Outputs, 0), spend.Spent);
        VerifySpend(bad, secp).Should().Be(ScriptError.WitnessProgramMismatch);
    }

    private static ScriptError VerifySpend(Spend spend, ScriptVerifyFlags flags)
    {
        var data = new PrecomputedTransactionData(spend.Tx, [spend.Spent]);
        return ScriptVerifier.VerifyInput(data, 0, flags, Secp256k1Backends.Preferred, out var error) ? ScriptError.Ok : error;
    }

    [Theory]
    [InlineData("0x50", "OK", "DISCOURAGE_OP_SUCCESS")]
    [InlineData("0 IF 0xbb ENDIF 0", "OK", "DISCOURAGE_OP_SUCCESS")]
    [InlineData("RETURN 0x7e", "OK", "DISCOURAGE_OP_SUCCESS")]
    [InlineData("0x01", "BAD_OPCODE", "BAD_OPCODE")]
    [InlineData("0x4c 0x05 0x50", "BAD_OPCODE", "BAD_OPCODE")]
    [InlineData("1 CHECKMULTISIG", "TAPSCRIPT_CHECKMULTISIG", "TAPSCRIPT_CHECKMULTISIG")]
    [InlineData("2 IF 1 ENDIF", "TAPSCRIPT_MINIMALIF", "TAPSCRIPT_MINIMALIF")]
    [InlineData("1 0x01 0x01", "CLEANSTACK", "CLEANSTACK")]
    public void Op_success_and_tapscript_rules_apply_to_script_paths(string leafAsm, string expected, string expectedDiscouraged)
    {
        var secp = Secp256k1Backends.Preferred;
        var spend = Build(secp, ScriptAssembly.Parse(leafAsm), _ => []);
        VerifySpend(spend, Flags).ToCoreName().Should().Be(expected);
        VerifySpend(spend, Flags | ScriptVerifyFlags.DiscourageOpSuccess).ToCoreName().Should().Be(expectedDiscouraged);
    }

    [Fact]
    public void Unknown_leaf_version_succeeds_unless_discouraged()
    {
        var secp = Secp256k1Backends.Preferred;
        var leaf = ScriptAssembly.Parse("RETURN");
        var internalKey = secp.GetXOnlyPublicKey(InternalSecret);
        const byte version = 0xc2;
        var leafHash = TaprootCommitment.LeafHash(version, leaf.Span);
        secp.TryTweakXOnlyPublicKey(internalKey, TaprootCommitment.TweakHash(internalKey, leafHash).ToBytes(), out var outputKey, out bool parity).Should().BeTrue();
        var spent = new TxOut(new Money(1), new Script((byte[])[0x51, 0x20, .. outputKey]));
        byte[] control = [(byte)(version | (parity ? 1 : 0)), .. internalKey];
        var tx = new Transaction(2, [new TxIn(new OutPoint(new UInt256(5UL), 0), Script.Empty, 0, Witness.Of(leaf.ToArray(), control))], [new TxOut(Money.Zero, Script.Empty)], 0);
        var spend = new Spend(tx, spent);

        VerifySpend(spend, Flags).Should().Be(ScriptError.Ok);
        VerifySpend(spend, Flags | ScriptVerifyFlags.DiscourageUpgradableTaprootVersion).Should().Be(ScriptError.DiscourageUpgradableTaprootVersion);
    }

    [Fact]
    public void Pay_to_anchor_is_spendable_even_with_discouraged_witness_programs()
    {
        var spent = new TxOut(new Money(240), Script.FromHex("51024e73"));
        var tx = new Transaction(3, [new TxIn(new OutPoint(new UInt256(6UL), 0), Script.Empty, 0)], [new TxOut(Money.Zero, Script.Empty)], 0);
        VerifySpend(new Spend(tx, spent), ScriptVerifyFlags.All).Should().Be(ScriptError.Ok);

        var v1Other = new TxOut(new Money(240), Script.FromHex("51024e74"));
        VerifySpend(new Spend(tx, v1Other), ScriptVerifyFlags.All).Should().Be(ScriptError.DiscourageUpgradableWitnessProgram);
    }
}
