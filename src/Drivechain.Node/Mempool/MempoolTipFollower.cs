using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mining;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Mempool;

/// <summary>
/// Keeps the mempool and the miner policy on the tip without anyone asking: on every tip change it takes the chain lock
/// and lets them catch up (<see cref="BlockMiner.FollowTip"/>). Whoever takes the lock to use them also catches them up
/// first, so they are never behind while in use; this keeps the mempool's own subscription drained in between. A change
/// that whoever connected the block already followed (a block submitted through the miner) costs no lock.
/// </summary>
public sealed class MempoolTipFollower(NodeChain node, BlockMiner miner, ILogger<MempoolTipFollower> log)
    : TipChangeConsumer(node, log, "mempool follower")
{
    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        if (change.Sequence <= miner.FollowedSequence) return default;
        using (Node.EnterLock()) miner.FollowTip();
        return default;
    }
}
