using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Tests.Chain;

/// <summary>
/// Drivechain activity on a <see cref="TestChain"/> branch (SHORT thresholds): activate a slot (M1 + six
/// M2), deposit (treasury output + address, spending the CTIP), propose a bundle (M3), vote for it (M4 v1)
/// and pay it out (M6). It tracks each slot's CTIP as the chain does.
/// </summary>
internal sealed class DrivechainActivity
{
    private readonly Dictionary<byte, (OutPoint OutPoint, long Value)> _ctips;
    private readonly SortedSet<byte> _active;

    public DrivechainActivity(TestChain chain)
    {
        Chain = chain;
        _ctips = [];
        _active = [];
    }

    private DrivechainActivity(DrivechainActivity other, TestChain chain)
    {
        Chain = chain;
        _ctips = new(other._ctips);
        _active = new(other._active);
    }

    public TestChain Chain { get; }

    /// <summary>A copy following a fork of the chain.</summary>
    public DrivechainActivity Fork() => new(this, Chain.Fork());

    public long? CtipValue(byte slot) => _ctips.TryGetValue(slot, out var c) ? c.Value : null;

    /// <summary>Mines the M1 block and six M2 blocks: the slot is active after the last one.</summary>
    public void ActivateSlot(byte slot, string title, uint nonce = 0)
    {
        var m1 = new M1ProposeSidechain(slot, [.. System.Text.Encoding.ASCII.GetBytes(title)]);
        Chain.Mine(d => { d.ExtraNonce = nonce; d.CoinbaseOutputs.Add(new TxOut(Money.Zero, m1.ToScript())); });
        for (int i = 0; i < 6; i++)
            Chain.Mine(d => { d.ExtraNonce = nonce; d.CoinbaseOutputs.Add(new TxOut(Money.Zero, new M2AckSidechain(slot, m1.DescriptionHash).ToScript())); });
        _active.Add(slot);
    }

    /// <summary>A deposit of <paramref name="amount"/> to <paramref name="slot"/>, spending a wallet coin and the CTIP.</summary>
    public Transaction Deposit(byte slot, long amount, string address, out long fee)
    {
        var (coin, value) = Chain.TakeCoin();
        fee = 1_000;
        var inputs = new List<OutPoint> { coin };
        long old = 0;
        if (_ctips.TryGetValue(slot, out var ctip))
        {
            inputs.Add(ctip.OutPoint);
            old = ctip.Value;
        }
        var tx = TestChain.Spend(inputs,
            new TxOut(new Money(old + amount), TreasuryScript.Create(slot)),
            new TxOut(Money.Zero, DepositAddress.Create(System.Text.Encoding.ASCII.GetBytes(address))),
            new TxOut(new Money(value - amount - fee), TestChain.OpTrue));
        _ctips[slot] = (new OutPoint(tx.TxId, 0), old + amount);
        return tx;
    }

    /// <summary>Mines a block with one deposit.</summary>
    public Block MineDeposit(byte slot, long amount, string address = "addr", uint nonce = 0, M4AckBundles? vote = null)
    {
        var tx = Deposit(slot, amount, address, out var fee);
        return Chain.Mine(d =>
        {
            d.ExtraNonce = nonce;
            d.Add(tx, fee);
            if (vote is not null) d.CoinbaseOutputs.Add(new TxOut(Money.Zero, vote.ToScript()));
        });
    }

    /// <summary>The M6 paying <paramref name="payout"/> to OP_TRUE from <paramref name="slot"/>'s CTIP, and its M6ID.</summary>
    public (Transaction M6, M6Id Id) Withdrawal(byte slot, long payout, long fee = 10_000)
    {
        var ctip = _ctips[slot];
        var m6 = new Transaction(2, [new TxIn(ctip.OutPoint, Bitcoin.Scripting.Script.Empty)],
            [new TxOut(new Money(ctip.Value - payout - fee), TreasuryScript.Create(slot)), new TxOut(new Money(payout), TestChain.OpTrue)], 0);
        var id = M6Id.Compute(m6, new Money(ctip.Value)) ?? throw new InvalidOperationException("payout exceeds the treasury");
        return (m6, id);
    }

    /// <summary>
    /// A full bundle cycle for one slot (the only active one): M3, five blocks upvoting it, then the M6 in the
    /// block after the fifth vote (acks 6 &gt; 5).
    /// </summary>
    public void ProposeVoteAndPay(byte slot, long payout, uint nonce = 0)
    {
        var (m6, id) = Withdrawal(slot, payout);
        var votes = Votes(slot);
        Chain.Mine(d => { d.ExtraNonce = nonce; d.CoinbaseOutputs.Add(new TxOut(Money.Zero, new M3ProposeBundle(slot, id).ToScript())); });
        for (int i = 0; i < 5; i++)
            Chain.Mine(d => { d.ExtraNonce = nonce; d.CoinbaseOutputs.Add(new TxOut(Money.Zero, votes.ToScript())); });
        long fee = _ctips[slot].Value - m6.TotalOutputSatoshis;
        Chain.Mine(d => { d.ExtraNonce = nonce; d.Add(m6, fee); });
        _ctips[slot] = (new OutPoint(m6.TxId, 0), m6.Outputs[0].Value.Satoshis);
    }

    /// <summary>An M4 v1 upvoting bundle 0 of <paramref name="slot"/> and abstaining for the other active slots.</summary>
    public M4AckBundles Votes(byte slot) =>
        M4AckBundles.OneByte([.. _active.Select(s => s == slot ? (byte)0 : (byte)0xff)]);

    public ImmutableArray<byte> ActiveSlots => [.. _active];
}
