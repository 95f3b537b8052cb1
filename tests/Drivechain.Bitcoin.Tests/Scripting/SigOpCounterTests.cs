using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

public class SigOpCounterTests
{
    [Fact]
    public void Multisig_counts_20_inaccurately_and_n_accurately()
    {
        var script = ScriptAssembly.Parse("1 0x21 0x" + new string('2', 66) + " 0x21 0x" + new string('3', 66) + " 2 CHECKMULTISIG CHECKSIG");
        SigOpCounter.GetSigOpCount(script.Span, accurate: false).Should().Be(21);
        SigOpCounter.GetSigOpCount(script.Span, accurate: true).Should().Be(3);
    }

    [Fact]
    public void P2sh_counts_the_redeem_script_of_a_push_only_scriptsig()
    {
        var redeem = ScriptAssembly.Parse("2 0x21 0x" + new string('2', 66) + " 0x21 0x" + new string('3', 66) + " 0x21 0x" + new string('4', 66) + " 3 CHECKMULTISIG");
        var p2sh = new Script((byte[])[0xa9, 0x14, .. Drivechain.Bitcoin.Crypto.Hashes.Hash160(redeem.Span).ToBytes(), 0x87]);
        var scriptSig = new Script((byte[])[0x00, .. ScriptPatterns.EncodePush(redeem.Span)]);

        SigOpCounter.GetP2SHSigOpCount(p2sh.Span, scriptSig.Span).Should().Be(3);
        SigOpCounter.GetP2SHSigOpCount(p2sh.Span, ScriptAssembly.Parse("NOP 0x01 0xac").Span).Should().Be(0);
    }

    [Fact]
    public void Transaction_cost_weights_legacy_by_four_and_witness_by_one()
    {
        var p2wpkh = Script.FromHex("0014" + new string('1', 40));
        var p2pkh = ScriptAssembly.Parse("DUP HASH160 0x14 0x" + new string('1', 40) + " EQUALVERIFY CHECKSIG");
        var tx = new Transaction(2,
            [new TxIn(new OutPoint(new UInt256(1UL), 0), Script.Empty, 0, Witness.Of(new byte[71], new byte[33])),
             new TxIn(new OutPoint(new UInt256(1UL), 1), Script.Empty, 0)],
            [new TxOut(Money.Zero, p2pkh)], 0);
        var spent = new[] { new TxOut(Money.Zero, p2wpkh), new TxOut(Money.Zero, p2pkh) };

        SigOpCounter.GetTransactionSigOpCost(tx, spent, ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness).Should().Be(1 * 4 + 1);
        SigOpCounter.GetTransactionSigOpCost(tx, spent, ScriptVerifyFlags.P2SH).Should().Be(4);
    }
}
