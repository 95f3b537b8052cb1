using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Tests.Ledger;

/// <summary>Small hand-built transactions, blocks and coins for the ledger and planner tests.</summary>
internal static class LedgerFixtures
{
    public static readonly Script Mine0 = P2wpkh(1);
    public static readonly Script Mine1 = P2wpkh(2);
    public static readonly Script Change0 = P2wpkh(3);
    public static readonly Script Other = P2wpkh(9);

    public static Script P2wpkh(byte fill) => new(new byte[] { 0x00, 0x14 }.Concat(Enumerable.Repeat(fill, 20)).ToArray());

    public static WalletLedger NewLedger()
    {
        var ledger = new WalletLedger();
        ledger.AddScript(Mine0, new KeyOrigin(false, 0));
        ledger.AddScript(Mine1, new KeyOrigin(false, 1));
        ledger.AddScript(Change0, new KeyOrigin(true, 0));
        return ledger;
    }

    public static Transaction Coinbase(int height, Script to, long value) =>
        new(2, [new TxIn(OutPoint.Null, new Script(new byte[] { 0x03, (byte)height, 0, 0 }))], [new TxOut(new Money(value), to)], 0);

    public static Transaction Spend(IEnumerable<OutPoint> inputs, params (Script To, long Value)[] outputs) =>
        new(2, [.. inputs.Select(i => new TxIn(i, Script.Empty, 0xfffffffd))], [.. outputs.Select(o => new TxOut(new Money(o.Value), o.To))], 0);

    public static Block Block(UInt256 parent, uint nonce, params Transaction[] txs) =>
        new(new BlockHeader(4, parent, UInt256.Zero, 1_700_000_000 + nonce, 0x207fffff, nonce), [.. txs]);

    /// <summary>A confirmed P2WPKH wallet coin of <paramref name="satoshis"/> (distinct outpoints by value and <paramref name="salt"/>).</summary>
    public static WalletCoin Coin(long satoshis, int salt = 0)
    {
        var tx = Spend([new OutPoint(new UInt256((ulong)(satoshis + salt)), 0)], (Mine0, satoshis));
        return new WalletCoin(new OutPoint(tx.TxId, 0), tx.Outputs[0], new KeyOrigin(false, 0), new WalletTx(tx, 0), 6);
    }
}
