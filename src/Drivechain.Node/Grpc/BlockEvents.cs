using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Grpc;

/// <summary>
/// What one connected block did for the sidechains: the validator's events in order, the block's M7 BMM accepts, and the
/// M6 transactions its payout events name (the <c>Succeeded</c> event carries the transaction).
/// </summary>
public sealed record BlockEvents(ImmutableArray<DrivechainEvent> Events, ImmutableArray<BmmAccept> BmmAccepts,
    ImmutableDictionary<UInt256, Transaction> Payouts)
{
    /// <summary>A block without drivechain content.</summary>
    public static BlockEvents Empty { get; } = new([], [], ImmutableDictionary<UInt256, Transaction>.Empty);

    /// <summary>True when the block has nothing for any sidechain.</summary>
    public bool IsEmpty => Events.IsEmpty && BmmAccepts.IsEmpty;

    /// <summary>The record of <paramref name="block"/> from the events its connect produced and the state after it.</summary>
    public static BlockEvents Create(Block block, ImmutableArray<DrivechainEvent> events, DrivechainState stateAfter)
    {
        if (events.IsEmpty && stateAfter.BmmAccepts.IsEmpty) return Empty;
        var payouts = ImmutableDictionary<UInt256, Transaction>.Empty;
        foreach (var e in events)
            if (e is DrivechainEvent.BundleSucceeded s && block.Transactions.FirstOrDefault(t => t.TxId == s.TxId) is { } m6)
                payouts = payouts.SetItem(s.TxId, Transaction.Parse(m6.ToBytes()));   // its own bytes: the record must not keep the whole block's buffer alive
        return new BlockEvents(events, stateAfter.BmmAccepts, payouts);
    }
}
