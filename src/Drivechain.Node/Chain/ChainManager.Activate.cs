using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Moves the tip to the most-work valid candidate: disconnect to the fork, connect the new branch. A
    /// block that fails to connect is marked invalid with its descendants and the search starts again,
    /// so the chain always ends on the best valid branch (possibly back where it was).
    /// </summary>
    private void ActivateBestChain(Block? justReceived = null)
    {
        while (true)
        {
            var best = _tree.FindMostWorkChain();
            var tip = _tree.Tip!;
            if (best is null || best == tip) break;
            var fork = _tree.Active.FindFork(best)!;
            while (_tree.Tip != fork) DisconnectTip();

            var path = new List<BlockIndex>(best.Height - fork.Height);
            for (var walk = best; walk != fork; walk = walk.Parent!) path.Add(walk);
            path.Reverse();
            foreach (var index in path)
            {
                var block = justReceived is not null && justReceived.Hash == index.Hash ? justReceived : _store.ReadBlock(index);
                if (!ConnectTip(index, block)) break;
            }
        }
        _tree.PruneCandidates();
    }

    /// <summary>Connects <paramref name="index"/> on top of the tip: the pipeline's connect phase, then one atomic update.</summary>
    private bool ConnectTip(BlockIndex index, Block block)
    {
        Debug.Assert(index.Parent == _tree.Tip);
        var check = new BlockCheck(block) { ParentIndex = index.Parent!, Coins = _state.Coins, State = _state.Drivechain, ScriptMode = ChooseScriptCheckMode(block) };
        var rejection = _pipeline.Run(check, BlockStagePhase.Connect);
        _statistics = _statistics with
        {
            BaseRuleTicks = _statistics.BaseRuleTicks + check.Ticks.Bitcoin,
            DrivechainRuleTicks = _statistics.DrivechainRuleTicks + check.Ticks.Drivechain,
        };
        if (rejection is not null)
        {
            _tree.MarkInvalid(index, rejection);
            return false;
        }

        // Both rule sets accepted: apply.
        var delta = check.Delta!;
        var accepted = check.Drivechain!;
        _state.Connect(delta, accepted.State);
        _store.RememberUndo(index.Hash, new BlockUndoRecord(delta.Spent, accepted.Undo));
        index.Status |= BlockStatus.ValidScripts;
        _tree.MarkChanged(index);
        _tree.Active.SetTip(index);
        _store.BlocksSinceFlush++;
        _statistics = _statistics with
        {
            BlocksConnected = _statistics.BlocksConnected + 1,
            TransactionsConnected = _statistics.TransactionsConnected + block.Transactions.Length,
            InputsConnected = _statistics.InputsConnected + delta.Spent.Length,
        };
        var state = _state.Drivechain;
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
        var index = _tree.Tip!;
        if (index.Parent is null) throw new InvalidOperationException("cannot disconnect the genesis block");
        var block = _store.ReadBlock(index);
        var undo = _store.ReadUndo(index);
        long start = Stopwatch.GetTimestamp();
        var previous = _pipeline.Drivechain.Disconnect(_state.Drivechain, undo.Drivechain);
        _statistics = _statistics with
        {
            BlocksDisconnected = _statistics.BlocksDisconnected + 1,
            DrivechainRuleTicks = _statistics.DrivechainRuleTicks + (Stopwatch.GetTimestamp() - start),
        };
        _state.Disconnect(block, undo, previous);
        _tree.Active.SetTip(index.Parent);
        _tree.OfferCandidate(index);
        _store.BlocksSinceFlush++;
        var state = _state.Drivechain;
        _tipChanges.Publish(sequence => new TipChange.Disconnected(sequence, block, index, state, undo.Spent, undo.Drivechain));
    }
}
