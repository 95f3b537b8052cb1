using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Dashboard;

/// <summary>
/// What the dashboard remembers of one block of the active chain: the treasuries and bundle ACKs after it, its M4
/// actions, the slots it BMM'd and its drivechain events. The charts over height are drawn from a list of these.
/// </summary>
public sealed record BlockSnapshot(
    int Height,
    UInt256 Hash,
    uint Time,
    ImmutableArray<SlotTreasury> Treasuries,
    ImmutableArray<BundleAcks> Bundles,
    ImmutableArray<M4Action> M4,
    ImmutableArray<BmmWin> Bmm,
    ImmutableArray<DrivechainEvent> Events)
{
    /// <summary>
    /// The snapshot of <paramref name="block"/> at <paramref name="height"/> given the <paramref name="state"/> after it and
    /// its <paramref name="events"/>; <paramref name="spent"/> (the block's undo coins) prices the winning BMM bids.
    /// </summary>
    public static BlockSnapshot Create(Block block, int height, DrivechainState state, ImmutableArray<DrivechainEvent> events,
        ImmutableArray<CoinEntry> spent)
    {
        var treasuries = ImmutableArray.CreateBuilder<SlotTreasury>();
        foreach (var sidechain in state.ActiveSidechains)
            if (state.GetCtip(sidechain.Slot) is { } ctip)
                treasuries.Add(new SlotTreasury(sidechain.Slot, ctip.Value.Satoshis, state.GetTreasuryHistory(sidechain.Slot).Count - 1));
        var bundles = state.AllPendingBundles.Select(b => new BundleAcks(b.Slot, b.Bundle.M6Id, b.Bundle.Acks, b.Bundle.ProposalHeight));
        var bmm = state.BmmAccepts.Select(a => new BmmWin(a.Slot, a.SidechainBlockHash, WinningBid(block, a, spent)));
        return new BlockSnapshot(height, block.Hash, block.Header.Time, treasuries.ToImmutable(), [.. bundles],
            state.M4Record, [.. bmm], events.IsDefault ? [] : events);
    }

    /// <summary>The fee of the block's M8 transaction that the accept matches (spec §6: the bid is the fee).</summary>
    private static long? WinningBid(Block block, BmmAccept accept, ImmutableArray<CoinEntry> spent)
    {
        if (spent.IsDefault) return null;
        foreach (var tx in block.Transactions.Skip(1))
        {
            if (!M8BmmRequest.TryParse(tx, out var m8) || m8.Slot != accept.Slot || m8.SidechainBlockHash != accept.SidechainBlockHash)
                continue;
            long inputs = 0;
            foreach (var input in tx.Inputs)
            {
                var coin = spent.FirstOrDefault(c => c.OutPoint == input.PrevOut);
                if (coin.Coin.Output is null) return null;
                inputs += coin.Coin.Output.Value.Satoshis;
            }
            return inputs - tx.Outputs.Sum(o => o.Value.Satoshis);
        }
        return null;
    }
}
