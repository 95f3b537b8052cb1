using Drivechain.Bitcoin.Tests.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Malformed scripts, absurd inputs and random scripts: always a <see cref="ScriptError"/>, never an exception.</summary>
public class ScriptInterpreterTests
{
    private static ScriptError Run(byte[] script, ScriptVerifyFlags flags = ScriptVerifyFlags.None, SigVersion sigVersion = SigVersion.Base,
        List<ReadOnlyMemory<byte>>? stack = null)
    {
        ScriptInterpreter.EvalScript(stack ?? [], new Script(script), flags, sigVersion, out var error);
        return error;
    }

    private static ScriptError Verify(Script scriptSig, Script scriptPubKey, ScriptVerifyFlags flags, Witness witness = default) =>
        ScriptVerifier.VerifyScript(scriptSig, scriptPubKey, witness, flags, NullSignatureChecker.Instance, out var error) ? ScriptError.Ok : error;

    [Fact]
    public void Push_of_521_bytes_fails_with_push_size()
    {
        byte[] script = [(byte)OpcodeType.OP_PUSHDATA2, 0x09, 0x02, .. new byte[521]];
        Run(script).Should().Be(ScriptError.PushSize);
    }

    [Fact]
    public void Push_of_520_bytes_is_allowed()
    {
        byte[] script = [(byte)OpcodeType.OP_PUSHDATA2, 0x08, 0x02, .. new byte[520]];
        Run(script).Should().Be(ScriptError.Ok);
    }

    [Theory]
    [InlineData(new byte[] { 0x4c })]
    [InlineData(new byte[] { 0x4d, 0x01 })]
    [InlineData(new byte[] { 0x4e, 0x01, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x05, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x4e, 0xff, 0xff, 0xff, 0xff, 0x00 })]
    public void Truncated_push_fails_with_bad_opcode(byte[] script) => Run(script).Should().Be(ScriptError.BadOpcode);

    [Fact]
    public void Script_of_100k_bytes_fails_with_script_size()
    {
        var script = Enumerable.Repeat((byte)OpcodeType.OP_NOP, 100_000).ToArray();
        Run(script).Should().Be(ScriptError.ScriptSize);
    }

    [Fact]
    public void Tapscript_has_no_script_size_limit_but_an_op_count_free_run()
    {
        var script = Enumerable.Repeat((byte)OpcodeType.OP_NOP, 100_000).ToArray();
        var execData = new ScriptExecutionData();
        ScriptInterpreter.EvalScript([], new Script(script), ScriptVerifyFlags.None, NullSignatureChecker.Instance, SigVersion.Tapscript, execData, out var error);
        error.Should().Be(ScriptError.Ok);
    }

    [Fact]
    public void More_than_201_operations_fail_with_op_count()
    {
        var script = Enumerable.Repeat((byte)OpcodeType.OP_NOP, 202).ToArray();
        Run(script).Should().Be(ScriptError.OpCount);
        Run(script[..201]).Should().Be(ScriptError.Ok);
    }

    [Fact]
    public void Deep_stack_beyond_1000_items_fails_with_stack_size()
    {
        var script = Enumerable.Repeat((byte)OpcodeType.OP_1, 1001).ToArray();
        Run(script).Should().Be(ScriptError.StackSize);
        Run(script[..1000]).Should().Be(ScriptError.Ok);
    }

    [Fact]
    public void Stack_and_altstack_together_are_limited_to_1000()
    {
        // 999 items, move one to the altstack, then push two more: 1001 in total.
        byte[] script = [.. Enumerable.Repeat((byte)OpcodeType.OP_1, 999), (byte)OpcodeType.OP_TOALTSTACK, (byte)OpcodeType.OP_1, (byte)OpcodeType.OP_1];
        Run(script).Should().Be(ScriptError.StackSize);
    }

    [Theory]
    [InlineData("IF")]
    [InlineData("1 IF 1")]
    [InlineData("ELSE")]
    [InlineData("ENDIF")]
    [InlineData("1 IF ENDIF ENDIF")]
    [InlineData("0 IF 1 ELSE 1 ELSE 1")]
    public void Unbalanced_conditionals_fail(string asm)
    {
        var error = Run(ScriptAssembly.Parse(asm).ToArray());
        error.Should().BeOneOf(ScriptError.UnbalancedConditional, ScriptError.InvalidStackOperation);
        if (asm != "IF") error.Should().Be(ScriptError.UnbalancedConditional);
    }

    [Fact]
    public void Five_byte_numbers_are_rejected_by_arithmetic()
    {
        Run(ScriptAssembly.Parse("0x05 0x0000000080 1ADD").ToArray()).Should().Be(ScriptError.ScriptNum);
    }

    [Fact]
    public void Huge_push_used_as_a_number_fails_with_scriptnum()
    {
        byte[] script = [(byte)OpcodeType.OP_PUSHDATA2, 0x08, 0x02, .. Enumerable.Repeat((byte)0xff, 520), (byte)OpcodeType.OP_ABS];
        Run(script).Should().Be(ScriptError.ScriptNum);
    }

    [Fact]
    public void Pick_with_a_huge_index_fails_cleanly()
    {
        Run(ScriptAssembly.Parse("1 2147483647 PICK").ToArray()).Should().Be(ScriptError.InvalidStackOperation);
        Run(ScriptAssembly.Parse("1 -1 ROLL").ToArray()).Should().Be(ScriptError.InvalidStackOperation);
    }

    [Fact]
    public void Disabled_opcode_fails_even_when_not_executed()
    {
        Run(ScriptAssembly.Parse("0 IF CAT ENDIF").ToArray()).Should().Be(ScriptError.DisabledOpcode);
    }

    [Fact]
    public void Checkmultisig_with_21_keys_fails_with_pubkey_count()
    {
        Run(ScriptAssembly.Parse("0 0 21 CHECKMULTISIG").ToArray()).Should().Be(ScriptError.PubKeyCount);
    }

    [Fact]
    public void Tapscript_op_success_makes_the_script_succeed_unless_discouraged()
    {
        // A tapscript spend needs a real commitment; here the OP_SUCCESS scan is checked through EvalScript's caller rules.
        ScriptPatterns.IsOpSuccess(0x50).Should().BeTrue();
        ScriptPatterns.IsOpSuccess((byte)OpcodeType.OP_CHECKSIGADD).Should().BeFalse();
        ScriptPatterns.IsOpSuccess(0xbb).Should().BeTrue();
    }

    [Fact]
    public void Witness_program_with_a_scriptsig_is_malleated()
    {
        var spk = Script.FromHex("0014" + new string('1', 40));
        Verify(ScriptAssembly.Parse("1"), spk, ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness).Should().Be(ScriptError.WitnessMalleated);
    }

    [Fact]
    public void Taproot_witness_with_too_short_control_block_fails_with_wrong_control_size()
    {
        var spk = Script.FromHex("5120" + new string('1', 64));
        var witness = Witness.Of([0x51], new byte[32]);
        Verify(Script.Empty, spk, ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot, witness)
            .Should().Be(ScriptError.TaprootWrongControlSize);
    }

    [Fact]
    public void Taproot_key_path_with_a_wrong_size_signature_fails_with_schnorr_sig_size()
    {
        var spk = Script.FromHex("5120" + new string('1', 64));
        var checker = new TransactionSignatureChecker(
            new PrecomputedTransactionData(
                new Transaction(2, [new TxIn(new OutPoint(UInt256.Zero, 0), Script.Empty, 0, Witness.Of(new byte[63]))], [new TxOut(Money.Zero, Script.Empty)], 0),
                [new TxOut(Money.Zero, spk)]),
            0, Secp256k1Backends.Preferred);
        ScriptVerifier.VerifyScript(Script.Empty, spk, Witness.Of(new byte[63]), ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot, checker, out var error)
            .Should().BeFalse();
        error.Should().Be(ScriptError.SchnorrSigSize);
    }

    [Fact]
    public void Random_scripts_never_throw()
    {
        var random = new Random(12345);
        var flagSets = new[] { ScriptVerifyFlags.None, ScriptVerifyFlags.All, ScriptVerifyFlags.MinimalData | ScriptVerifyFlags.StrictEnc };
        int failures = 0, successes = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var script = new byte[random.Next(0, 64)];
            random.NextBytes(script);
            // Bias towards real opcodes: small pushes and the interesting range.
            for (int j = 0; j < script.Length; j++)
                if (random.Next(3) == 0) script[j] = (byte)random.Next(0x4f, 0xbb);
            var sigVersion = (SigVersion)(i % 4 == 2 ? 3 : i % 2);
            var stack = new List<ReadOnlyMemory<byte>> { new byte[] { 1 }, new byte[] { 0x81 }, new byte[33], Array.Empty<byte>() };
            var execData = new ScriptExecutionData { };
            bool ok = ScriptInterpreter.EvalScript(stack, new Script(script), flagSets[i % 3], NullSignatureChecker.Instance, sigVersion, execData, out var error);
            if (ok) successes++; else failures++;
            (ok == (error == ScriptError.Ok)).Should().BeTrue();
        }
        (failures + successes).Should().Be(20_000);
        failures.Should().BeGreaterThan(0);
        successes.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Random_spends_through_verify_script_never_throw()
    {
        var random = new Random(777);
        var secp = Secp256k1Backends.Preferred;
        for (int i = 0; i < 3_000; i++)
        {
            var scriptSig = RandomScript(random);
            var spk = (i % 4) switch
            {
                0 => new Script((byte[])[0x00, 0x14, .. RandomBytes(random, 20)]),
                1 => new Script((byte[])[0x51, 0x20, .. RandomBytes(random, 32)]),
                2 => new Script((byte[])[0xa9, 0x14, .. RandomBytes(random, 20), 0x87]),
                _ => RandomScript(random),
            };
            var witness = Witness.Of([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomBytes(random, random.Next(0, 70)))]);
            var tx = new Transaction(2, [new TxIn(new OutPoint(UInt256.Zero, 0), scriptSig, 0, witness)], [new TxOut(Money.Zero, Script.Empty)], 0);
            var data = new PrecomputedTransactionData(tx, [new TxOut(new Money(1000), spk)]);
            var act = () => ScriptVerifier.VerifyInput(data, 0, ScriptVerifyFlags.All, secp, out _);
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Random_bytes_never_make_asm_sigop_counting_or_pattern_checks_throw()
    {
        var random = new Random(4242);
        int asmErrors = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = RandomBytes(random, random.Next(0, 80));
            var script = new Script(bytes);
            var asm = ScriptAssembly.ToAsm(script, attemptSighashDecode: i % 2 == 0);
            if (asm.EndsWith("[error]", StringComparison.Ordinal)) asmErrors++;
            SigOpCounter.GetSigOpCount(bytes, accurate: true).Should().BeGreaterThanOrEqualTo(0);
            SigOpCounter.GetP2SHSigOpCount(Script.FromHex("a914" + new string('0', 40) + "87").Span, bytes).Should().BeGreaterThanOrEqualTo(0);
            ScriptPatterns.IsPushOnly(bytes);
            ScriptPatterns.IsWitnessProgram(bytes, out _, out _);
            SignatureEncoding.CheckSignatureEncoding(bytes, ScriptVerifyFlags.All);
            _ = ScriptAssembly.TryParse(System.Text.Encoding.ASCII.GetString(bytes), out _, out _);
        }
        asmErrors.Should().BeGreaterThan(0, "random bytes often end in a truncated push");
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Script RandomScript(Random random)
    {
        var bytes = RandomBytes(random, random.Next(0, 40));
        for (int j = 0; j < bytes.Length; j++)
            if (random.Next(2) == 0) bytes[j] = (byte)random.Next(0x4f, 0xbb);
        return new Script(bytes);
    }
}
