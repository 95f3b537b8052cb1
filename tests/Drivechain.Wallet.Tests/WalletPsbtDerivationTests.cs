using Drivechain.Bitcoin.Primitives;
using Drivechain.Wallet.Ledger;
using Drivechain.Wallet.Spending;
using NBitcoin;
using OurScript = Drivechain.Bitcoin.Scripting.Script;
using OurTransaction = Drivechain.Bitcoin.Primitives.Transaction;
using OurTxOut = Drivechain.Bitcoin.Primitives.TxOut;
using TxIn = Drivechain.Bitcoin.Primitives.TxIn;
using OutPoint = Drivechain.Bitcoin.Primitives.OutPoint;
using Money = Drivechain.Bitcoin.Primitives.Money;

namespace Drivechain.Wallet.Tests;

/// <summary>BIP174 derivations (PSBT_IN/OUT_BIP32_DERIVATION) for wallet inputs and outputs, from the BIP84 test mnemonic.</summary>
public sealed class WalletPsbtDerivationTests
{
    private const string Mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public void Our_input_and_change_get_the_master_fingerprint_and_full_bip84_path_and_a_foreign_output_gets_none()
    {
        var keys = HdKeyChain.FromMnemonic(Mnemonic, Network.RegTest);
        var account = keys.Account;
        var ledger = new WalletLedger();
        var receive = new OurScript(account.GetScriptPubKey(false, 3));
        var change = new OurScript(account.GetScriptPubKey(true, 7));
        ledger.AddScript(receive, new KeyOrigin(false, 3));
        ledger.AddScript(change, new KeyOrigin(true, 7));
        var foreign = Ledger.LedgerFixtures.Other;
        var unsigned = new OurTransaction(2, [new TxIn(new OutPoint(new UInt256(5), 1), OurScript.Empty, 0xfffffffd)],
            [new OurTxOut(new Money(40_000), foreign), new OurTxOut(new Money(9_000), change)], 0);
        var psbt = WalletPsbt.CreatePsbt(unsigned, [new OurTxOut(new Money(50_000), receive)], Network.RegTest);

        var added = WalletPsbt.AddDerivations(psbt, account, s => ledger.TryGetOrigin(s, out var o) ? o : null);

        added.Should().Be(2);
        account.MasterFingerprint.Should().Be("73c5da0a", "the fingerprint of the BIP84 test vector's master key");
        var input = psbt.Inputs[0].HDKeyPaths.Should().ContainSingle().Subject;
        input.Key.Should().Be(account.GetPubKey(false, 3));
        input.Value.MasterFingerprint.ToString().Should().Be("73c5da0a");
        input.Value.KeyPath.ToString().Should().Be("84'/1'/0'/0/3");
        psbt.Outputs[1].HDKeyPaths.Should().ContainSingle().Which.Value.KeyPath.ToString().Should().Be("84'/1'/0'/1/7");
        psbt.Outputs[0].HDKeyPaths.Should().BeEmpty();

        var signed = WalletPsbt.Sign(psbt.ToBase64(), [keys.GetKey(false, 3)], Network.RegTest);
        signed.Complete.Should().BeTrue("the derivation names the key that signs");
    }
}
