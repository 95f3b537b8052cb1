using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Testing.Consensus;

/// <summary>Builders for drivechain transactions: deposits (M5), withdrawals (M6), BMM requests (M8).</summary>
public static class DrivechainTransactions
{
    /// <summary>A P2WPKH-looking script for payouts (22 bytes: <c>0014</c> + 20 × <paramref name="fill"/>).</summary>
    public static Script PayoutScript(byte fill)
    {
        var bytes = new byte[22];
        bytes[1] = 0x14;
        bytes.AsSpan(2).Fill(fill);
        return new Script(bytes);
    }

    /// <summary>A funding outpoint that no CTIP uses (txid derived from <paramref name="n"/>).</summary>
    public static OutPoint Funding(ulong n) => new(new UInt256(n, 0xfeedface, 0, 0x1111), 0);

    /// <summary>
    /// A deposit (M5) of <paramref name="amount"/> to <paramref name="slot"/>: spends the CTIP when there is
    /// one plus a funding input; outputs: treasury (old + amount) at vout 0, address at vout 1, change.
    /// </summary>
    public static Transaction Deposit(byte slot, Ctip? ctip, Money amount, ReadOnlySpan<byte> address, OutPoint funding)
    {
        var inputs = ImmutableArray.CreateBuilder<TxIn>();
        if (ctip is { } c) inputs.Add(new TxIn(c.OutPoint, Script.Empty));
        inputs.Add(new TxIn(funding, Script.Empty));
        var total = new Money((ctip?.Value.Satoshis ?? 0) + amount.Satoshis);
        return new Transaction(2, inputs.ToImmutable(),
            [new TxOut(total, TreasuryScript.Create(slot)), new TxOut(Money.Zero, DepositAddress.Create(address))], 0);
    }

    /// <summary>A deposit to <paramref name="slot"/> of a chain's current tip state.</summary>
    public static Transaction Deposit(DrivechainState state, byte slot, Money amount, ulong fundingSeed, string address = "sidechain-addr") =>
        Deposit(slot, state.GetCtip(slot), amount, System.Text.Encoding.ASCII.GetBytes(address), Funding(fundingSeed));

    /// <summary>
    /// A blinded M6 (what a sidechain sends): no inputs, output 0 = fee script, then the payouts.
    /// Its txid is the M6ID.
    /// </summary>
    public static Transaction BlindedWithdrawal(Money feeTotal, params (Script Script, Money Value)[] payouts)
    {
        var outputs = ImmutableArray.CreateBuilder<TxOut>(1 + payouts.Length);
        outputs.Add(new TxOut(Money.Zero, M6Id.FeeScript(feeTotal)));
        foreach (var (script, value) in payouts) outputs.Add(new TxOut(value, script));
        return new Transaction(2, [], outputs.MoveToImmutable(), 0);
    }

    /// <summary>The real M6 for <paramref name="blinded"/> spending the CTIP of <paramref name="slot"/>.</summary>
    public static Transaction Withdrawal(Transaction blinded, byte slot, Ctip ctip) =>
        M6Id.Unblind(blinded, slot, ctip.OutPoint, ctip.Value);

    /// <summary>A BMM request (M8 at output 0, then a change output), spending a funding outpoint.</summary>
    public static Transaction BmmRequest(byte slot, UInt256 sidechainBlockHash, UInt256 previousBlockHash, OutPoint funding) =>
        new(2, [new TxIn(funding, Script.Empty)],
            [new TxOut(Money.Zero, new M8BmmRequest(slot, sidechainBlockHash, previousBlockHash).ToScript()),
             new TxOut(new Money(1000), PayoutScript(0x33))], 0);

    /// <summary>An ordinary transaction (spends a funding outpoint, pays to <see cref="PayoutScript"/>).</summary>
    public static Transaction Ordinary(OutPoint funding, long value = 1000) =>
        new(2, [new TxIn(funding, Script.Empty)], [new TxOut(new Money(value), PayoutScript(0x44))], 0);
}
