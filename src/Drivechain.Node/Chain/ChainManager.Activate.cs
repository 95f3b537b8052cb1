using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    private ChainStatistics _statistics;

    /// <summary>
    /// Moves the tip to the most-work valid candidate: disconnect to the fork, connect the new branch. A
    /// block that fails to connect is marked invalid with its descendants and the search starts again,
    /// so the chain always ends on the best valid branch (possibly back where it was).
    /// </summary>
    private void ActivateBestChain(Block? justReceived = null)
    {
        while (true)
        {
            var best = FindMostWorkChain();
            var tip = _active.Tip!;
            if (best is null || best == tip) break;
            var fork = _active.FindFork(best)!;
            while (_active.Tip != fork) DisconnectTip();

            var path = new List<BlockIndex>(best.Height - fork.Height);
            for (var walk = best; walk != fork; walk = walk.Parent!) path.Add(walk);
            path.Reverse();
            foreach (var index in path)
            {
                var block = justReceived is not null && justReceived.Hash == index.Hash ? justReceived : ReadBlock(index);
                if (!ConnectTip(index, block)) break;
            }
        }
        PruneCandidates();
    }

    private BlockIndex? FindMostWorkChain()
    {
        while (_candidates.Count > 0)
        {
            var candidate = _candidates.Min!;
            // Every block between the fork and the candidate must be usable.
            BlockIndex? failedAncestor = null;
            for (var walk = candidate; walk is not null && !_active.Contains(walk); walk = walk.Parent)
                if (walk.IsFailed || !walk.HasData) failedAncestor = walk;
            if (failedAncestor is null) return candidate;
            _candidates.Remove(candidate);
            if (failedAncestor.IsFailed && !candidate.IsFailed)
            {
                candidate.Status |= BlockStatus.FailedChild;
                MarkDirty(candidate);
            }
        }
        return null;
    }

    private void PruneCandidates()
    {
        var tip = _active.Tip!;
        while (_candidates.Count > 0 && CandidateComparer.Instance.Compare(_candidates.Max!, tip) > 0) _candidates.Remove(_candidates.Max!);
        _candidates.Add(tip);
    }

    /// <summary>Connects <paramref name="index"/> on top of the tip: the pipeline's connect phase, then one atomic update.</summary>
    private bool ConnectTip(BlockIndex index, Block block)
    {
        Debug.Assert(index.Parent == _active.Tip);
        var check = new BlockCheck(block) { Parent = index.Parent, Coins = _coins, State = _drivechainState, ScriptMode = ChooseScriptCheckMode(block) };
        var rejection = _pipeline.Run(check, BlockStagePhase.Connect);
        _statistics = _statistics with
        {
            BaseRuleTicks = _statistics.BaseRuleTicks + check.Ticks.Bitcoin,
            DrivechainRuleTicks = _statistics.DrivechainRuleTicks + check.Ticks.Drivechain,
        };
        if (rejection is not null)
        {
            InvalidBlockFound(index, rejection);
            return false;
        }

        // Both rule sets accepted: apply.
        var delta = check.Delta!;
        var accepted = check.Drivechain!;
        foreach (var entry in delta.Spent) _coins.Spend(entry.OutPoint);
        foreach (var entry in delta.Created) _coins.AddCreated(entry.OutPoint, entry.Coin);
        RememberUndo(index.Hash, new BlockUndoRecord(delta.Spent, accepted.Undo));
        _drivechainState = accepted.State;
        index.Status |= BlockStatus.ValidScripts;
        MarkDirty(index);
        _active.SetTip(index);
        _blocksSinceFlush++;
        _statistics = _statistics with
        {
            BlocksConnected = _statistics.BlocksConnected + 1,
            TransactionsConnected = _statistics.TransactionsConnected + block.Transactions.Length,
            InputsConnected = _statistics.InputsConnected + delta.Spent.Length,
        };
        var state = _drivechainState;
        _tipChanges.Publish(sequence => new TipChange.Connected(sequence, block, index, state, accepted.Events, delta.Spent));
        return true;
    }

    private ScriptCheckMode ChooseScriptCheckMode(Block block)
    {
        if (_options.SkipScriptChecks) return ScriptCheckMode.Skip;
        if (!_options.ParallelScriptChecks || Environment.ProcessorCount < 2) return ScriptCheckMode.Sequential;
        int inputs = 0;
        var txs = block.Transactions;
        for (int i = 1; i < txs.Length && inputs < _options.ParallelScriptCheckMinInputs; i++) inputs += txs[i].Inputs.Length;
        return inputs >= _options.ParallelScriptCheckMinInputs ? ScriptCheckMode.Parallel : ScriptCheckMode.Sequential;
    }

    /// <summary>Disconnects the tip: remove what it created, restore what it spent, revert the drivechain state.</summary>
    private void DisconnectTip()
    {
        var index = _active.Tip!;
        if (index.Parent is null) throw new InvalidOperationException("cannot disconnect the genesis block");
        var block = ReadBlock(index);
        var undo = ReadUndo(index);
        // Remove what the block created (unspendable outputs never were), then restore what it spent.
        foreach (var tx in block.Transactions)
            for (int i = 0; i < tx.Outputs.Length; i++)
                if (!tx.Outputs[i].ScriptPubKey.IsUnspendable) _coins.Spend(new OutPoint(tx.TxId, (uint)i));
        for (int i = undo.Spent.Length - 1; i >= 0; i--) _coins.Add(undo.Spent[i].OutPoint, undo.Spent[i].Coin);
        long start = Stopwatch.GetTimestamp();
        _drivechainState = _pipeline.Drivechain.Disconnect(_drivechainState, undo.Drivechain);
        _statistics = _statistics with
        {
            BlocksDisconnected = _statistics.BlocksDisconnected + 1,
            DrivechainRuleTicks = _statistics.DrivechainRuleTicks + (Stopwatch.GetTimestamp() - start),
        };
        _active.SetTip(index.Parent);
        if (_candidates.Comparer.Compare(index, _active.Tip!) <= 0 && !index.IsFailed) _candidates.Add(index);
        _blocksSinceFlush++;
        var state = _drivechainState;
        _tipChanges.Publish(sequence => new TipChange.Disconnected(sequence, block, index, state, undo.Spent, undo.Drivechain));
    }

    /// <summary>Marks a block invalid for good, and every descendant as having an invalid ancestor.</summary>
    private void InvalidBlockFound(BlockIndex index, BlockRejection rejection)
    {
        index.Status |= BlockStatus.FailedValid;
        index.Failure = rejection;
        MarkDirty(index);
        _candidates.Remove(index);
        MarkDescendantsFailed(index);
    }

    private void MarkDescendantsFailed(BlockIndex index)
    {
        var stack = new Stack<BlockIndex>(index.Children);
        while (stack.Count > 0)
        {
            var child = stack.Pop();
            child.Status |= BlockStatus.FailedChild;
            MarkDirty(child);
            _candidates.Remove(child);
            foreach (var grandchild in child.Children) stack.Push(grandchild);
        }
    }
}
