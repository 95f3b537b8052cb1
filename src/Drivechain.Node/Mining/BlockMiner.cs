using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.P2P.Sync;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Mining;

/// <summary>
/// The internal miner (regtest-style generate RPCs): template → nonce search → submit to the chain → the mempool and
/// the miner policy follow the tip. Also the single entry for externally submitted blocks. Call holding the chain lock
/// (<see cref="NodeChain.EnterLock"/>).
/// </summary>
public sealed partial class BlockMiner(
    NodeChain node, NodeMempool mempool, BlockAssembler assembler, MinerPolicy policy, TimeProvider clock, ILogger<BlockMiner> log)
{
    /// <summary>Mines one block paying <paramref name="payTo"/>; null when <paramref name="maxTries"/> nonces were not enough.</summary>
    public Block? MineOne(Script payTo, long maxTries, IReadOnlyList<Transaction>? fixedTransactions = null, bool submit = true)
    {
        var template = assembler.Create(payTo, fixedTransactions);
        var header = template.Block.Header;
        var powLimit = node.Chain.Network.PowLimit;
        for (long tries = 0; tries < maxTries; tries++)
        {
            var candidate = header.WithNonce((uint)tries);
            if (!candidate.CheckProofOfWork(powLimit)) continue;
            var block = new Block(candidate, template.Block.Transactions);
            if (!submit) return block;
            var outcome = Submit(block);
            if (outcome is SubmitOutcome.Rejected rejected)
                throw new InvalidOperationException($"the node rejected its own block {block.Hash}: {rejected.Code} {rejected.Reason}");
            return block;
        }
        return null;
    }

    /// <summary>Submits a block (mined here or given to submitblock), then updates the mempool and the miner policy.</summary>
    public SubmitOutcome Submit(Block block) => Followed(block, node.Chain.SubmitBlock(block));

    /// <summary>Submits a block a peer sent (<see cref="ChainManager.SubmitDownloadedBlock"/>), then follows the tip.</summary>
    public SubmitOutcome SubmitDownloaded(Block block) => Followed(block, node.Chain.SubmitDownloadedBlock(block));

    private SubmitOutcome Followed(Block block, SubmitOutcome outcome)
    {
        switch (outcome)
        {
            case SubmitOutcome.Accepted accepted:
                // A block older than a day is history being caught up (IBD, an import): its line goes to Debug, as Core keeps
                // per-block lines off the console then; the P2P progress lines (UpdateTip) report the catching up.
                var historical = DateTimeOffset.FromUnixTimeSeconds(block.Header.Time) < clock.GetUtcNow() - SyncProgress.MaxTipAge;
                LogAccepted(log, historical ? LogLevel.Debug : LogLevel.Information, accepted.Height, block.Hash, block.Transactions.Length);
                break;
            case SubmitOutcome.Rejected rejected:
                LogRejected(log, block.Hash, rejected.Code, rejected.Reason);
                break;
        }
        FollowTip();
        return outcome;
    }

    /// <summary>
    /// Brings the mempool and the miner policy up to the tip: the mempool applies the tip changes published since it last
    /// looked (<see cref="NodeMempool.SyncWithChain"/>), then, once per new tip, policy items that are now on-chain or gone
    /// are dropped.
    /// Cheap when the tip has not moved; called by <see cref="Mempool.MempoolTipFollower"/> on every tip change and by
    /// whoever takes the chain lock to use the mempool or the miner (RPC, P2P).
    /// </summary>
    public void FollowTip()
    {
        mempool.SyncWithChain();
        Volatile.Write(ref _followedSequence, node.Chain.TipChanges.LastSequence);
        // The policy is cleaned once per tip, whoever let the mempool catch up first.
        var tip = node.Chain.Tip;
        if (tip == _policyTip) return;
        _policyTip = tip;
        var state = node.Chain.TipDrivechainState;
        foreach (var proposal in policy.QueuedProposals.ToList())
        {
            var onChain = state.GetProposals(proposal.Slot).Any(x => x.DescriptionHash == proposal.DescriptionHash)
                || state.GetSidechain(proposal.Slot)?.DescriptionHash == proposal.DescriptionHash;
            if (onChain) policy.DropProposal(proposal);
        }
        foreach (var (slot, hash) in policy.ExplicitAcks.ToList())
            if (!state.GetProposals(slot).Any(x => x.DescriptionHash == hash)) policy.ClearAck(slot);
        foreach (var bundle in policy.Bundles.ToList())
        {
            // A bundle leaves the store once it is neither pending nor proposable: paid out or expired (spec §10).
            var pending = state.GetPendingBundles(bundle.Slot).Any(b => b.M6Id == bundle.M6Id);
            if (!pending && _proposedOnce.Contains(bundle.M6Id)) policy.RemoveBundle(bundle.M6Id);
            else if (pending) _proposedOnce.Add(bundle.M6Id);
        }
    }

    /// <summary>
    /// The last tip change the mempool and the policy have followed (read without the chain lock: a change at or below it
    /// needs no <see cref="FollowTip"/>).
    /// </summary>
    public long FollowedSequence => Volatile.Read(ref _followedSequence);

    private long _followedSequence;
    private readonly HashSet<Consensus.Messages.M6Id> _proposedOnce = [];
    private BlockIndex? _policyTip;

    [LoggerMessage(Message = "Block {BlockHash} accepted at height {Height} with {TxCount} transactions")]
    private static partial void LogAccepted(ILogger logger, LogLevel level, int height, UInt256 blockHash, int txCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Block {BlockHash} rejected: {RejectCode} {Reason}")]
    private static partial void LogRejected(ILogger logger, UInt256 blockHash, string rejectCode, string reason);
}
