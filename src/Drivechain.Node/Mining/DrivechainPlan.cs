using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Mining;

/// <summary>The drivechain decisions for one template: M6 payouts to append, mempool entries to leave out.</summary>
internal sealed record DrivechainPlan(IReadOnlyList<DrivechainPlan.Payout> Payouts, IReadOnlyList<MempoolEntry> ExcludedEntries)
{
    public static DrivechainPlan Empty { get; } = new([], []);

    public sealed record Payout(byte Slot, M6Id M6Id, Transaction Transaction);
}
