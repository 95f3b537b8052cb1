using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Testing.Bitcoind;
using Drivechain.Wallet.Spending;
using NBitcoin;
using OurTransaction = Drivechain.Bitcoin.Primitives.Transaction;
using OurTxOut = Drivechain.Bitcoin.Primitives.TxOut;
using OutPoint = Drivechain.Bitcoin.Primitives.OutPoint;
using Money = Drivechain.Bitcoin.Primitives.Money;
using TxIn = Drivechain.Bitcoin.Primitives.TxIn;
using Script = Drivechain.Bitcoin.Scripting.Script;

namespace Drivechain.Wallet.Tests;

/// <summary>PSBT round trips with a real Bitcoin Core (regtest): ours finalises in Core, Core's signs in ours.</summary>
public sealed class PsbtCoreRoundTripTests
{
    private const string Mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private static readonly HdKeyChain Keys = HdKeyChain.FromMnemonic(Mnemonic, Network.RegTest);

    private static async Task<(BitcoindProcess Core, string CoreAddress)> StartFundedCoreAsync()
    {
        var core = await BitcoindProcess.StartAsync("-fallbackfee=0.0001");
        var address = await core.CreateWalletAsync();
        await core.GenerateToAddressAsync(101, address);
        return (core, address);
    }

    /// <summary>Core pays 1 BTC to our receive address 0 and mines it; returns the outpoint and the output.</summary>
    private static async Task<(OutPoint OutPoint, OurTxOut Output)> FundOursAsync(BitcoindProcess core, string coreAddress)
    {
        var ours = Keys.GetAddress(change: false, 0).ToString();
        var txid = (await core.WalletCallAsync("w", "sendtoaddress", ours, 1.0m)).GetString()!;
        await core.GenerateToAddressAsync(1, coreAddress);
        var decoded = await core.WalletCallAsync("w", "gettransaction", txid, true, true);
        foreach (var vout in decoded.GetProperty("decoded").GetProperty("vout").EnumerateArray())
            if (vout.GetProperty("scriptPubKey").TryGetProperty("address", out var a) && a.GetString() == ours)
                return (new OutPoint(UInt256.Parse(txid), vout.GetProperty("n").GetUInt32()),
                    new OurTxOut(Money.FromBtc(vout.GetProperty("value").GetDecimal()), Script.FromHex(vout.GetProperty("scriptPubKey").GetProperty("hex").GetString()!)));
        throw new InvalidOperationException("Core's payment to our address not found");
    }

    [BitcoindFact]
    public async Task Our_psbt_is_decoded_and_finalised_by_core_and_accepted_by_its_mempool()
    {
        var (core, coreAddress) = await StartFundedCoreAsync();
        await using var _ = core;
        var (outPoint, output) = await FundOursAsync(core, coreAddress);
        var destination = Script.FromHex((await core.CallAsync("validateaddress", coreAddress)).GetProperty("scriptPubKey").GetString()!);
        var unsigned = new OurTransaction(2, [new TxIn(outPoint, Script.Empty, 0xfffffffd)],
            [new OurTxOut(new Money(output.Value.Satoshis - 1000), destination)], 0);

        var psbt = WalletPsbt.Create(unsigned, [output], Network.RegTest);
        var (signed, complete) = WalletPsbt.Sign(psbt, [Keys.GetKey(change: false, 0)], Network.RegTest);

        complete.Should().BeTrue();
        var decoded = await core.CallAsync("decodepsbt", signed);
        decoded.GetProperty("tx").GetProperty("txid").GetString().Should().Be(unsigned.TxId.ToString());
        decoded.GetProperty("fee").GetDecimal().Should().Be(0.00001m);
        var final = await core.CallAsync("finalizepsbt", signed);
        final.GetProperty("complete").GetBoolean().Should().BeTrue();
        var accept = await core.CallAsync("testmempoolaccept", (object)new[] { final.GetProperty("hex").GetString() });
        accept[0].GetProperty("allowed").GetBoolean().Should().BeTrue(accept.ToString());
    }

    [BitcoindFact]
    public async Task A_psbt_built_by_core_is_signed_by_our_keys()
    {
        var (core, coreAddress) = await StartFundedCoreAsync();
        await using var _ = core;
        var (outPoint, output) = await FundOursAsync(core, coreAddress);
        var inputs = new[] { new Dictionary<string, object> { ["txid"] = outPoint.TxId.ToString(), ["vout"] = outPoint.Index } };
        var outputs = new[] { new Dictionary<string, object> { [coreAddress] = 0.999m } };
        var created = (await core.CallAsync("createpsbt", inputs, outputs)).GetString()!;
        var updated = (await core.CallAsync("utxoupdatepsbt", created)).GetString()!;

        var (signed, complete) = WalletPsbt.Sign(updated, [Keys.GetKey(change: false, 0)], Network.RegTest);

        complete.Should().BeTrue();
        var final = await core.CallAsync("finalizepsbt", signed);
        final.GetProperty("complete").GetBoolean().Should().BeTrue();
        var txid = (await core.CallAsync("sendrawtransaction", final.GetProperty("hex").GetString())).GetString();
        txid.Should().NotBeNullOrEmpty();
        var wrongKey = WalletPsbt.Sign(updated, [Keys.GetKey(change: true, 0)], Network.RegTest);
        wrongKey.Complete.Should().BeFalse("a key that does not own the input signs nothing");
    }
}
