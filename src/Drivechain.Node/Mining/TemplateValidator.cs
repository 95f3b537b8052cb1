using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Mining;

/// <summary>
/// Core's TestBlockValidity for a block on top of the tip: the same base stages the chain runs (context-free without
/// proof of work, contextual header and block, connect against the UTXO set) and the drivechain validator. Spec §12:
/// the node must never hand out or mine an invalid block. Call with <see cref="NodeChain.Lock"/> held.
/// </summary>
public sealed class TemplateValidator(NodeChain node, NodeMempool mempool, TimeProvider clock)
{
    /// <summary>
    /// Null when valid, else (code, reason) with code "BASE" or the drivechain reject code. Like Core's script
    /// execution cache, inputs of transactions the mempool already verified (under the standard flags, a superset of
    /// the block's consensus flags) are not run again; every other transaction's inputs are.
    /// </summary>
    public (string Code, string Reason)? Validate(Block block)
    {
        var chain = node.Chain;
        var tip = chain.Tip;
        if (block.Header.PreviousBlockHash != tip.Hash) return (ChainManager.BaseCode, "inconclusive-not-best-prevblk");
        var height = tip.Height + 1;
        var network = chain.Network;
        if (BlockValidation.CheckBlock(block, network, checkProofOfWork: false) is { } contextFree)
            return (ChainManager.BaseCode, contextFree.RejectReason);
        var history = new ChainHistory(tip);
        var expectedBits = network.GetNextWorkRequired(new Bitcoin.Networks.PowHeader(tip.Height, tip.Header.Time, tip.Header.Bits), block.Header.Time, history);
        if (BlockValidation.ContextualCheckBlockHeader(block.Header, height, expectedBits, tip.GetMedianTimePast(), tip.Header.Time,
                clock.GetUtcNow().ToUnixTimeSeconds(), network) is { } header)
            return (ChainManager.BaseCode, header.RejectReason);
        if (BlockValidation.ContextualCheckBlock(block, height, tip.GetMedianTimePast(), network) is { } contextual)
            return (ChainManager.BaseCode, contextual.RejectReason);
        var view = new ChainCoinView(chain);
        var connect = BlockValidation.ConnectBlock(block, height, view, history, network, node.Secp, ScriptCheckMode.Skip);
        if (connect is ConnectBlockResult.Rejected rejected) return (ChainManager.BaseCode, rejected.Error.RejectReason);
        if (VerifyUncachedScripts(block, height, view) is { } scriptError) return (ChainManager.BaseCode, scriptError);
        if (node.Validator.Connect(chain.TipDrivechainState, block, height) is ConnectOutcome.Rejected drivechain)
            return (drivechain.Rejection.CodeString, drivechain.Rejection.Detail);
        return null;
    }

    private string? VerifyUncachedScripts(Block block, int height, ChainCoinView view)
    {
        var flags = BlockScriptFlags.Get(height, block.Hash, node.Network);
        var created = new Dictionary<UInt256, Transaction>();
        foreach (var tx in block.Transactions)
        {
            if (!tx.IsCoinbase && !mempool.IsScriptVerified(tx.WTxId))
            {
                var spent = tx.Inputs.Select(i =>
                    created.TryGetValue(i.PrevOut.TxId, out var parent) ? parent.Outputs[(int)i.PrevOut.Index]
                    : view.TryGetCoin(i.PrevOut, out var coin) ? coin.Output
                    : throw new InvalidOperationException($"input {i.PrevOut} vanished after ConnectBlock")).ToArray();
                var data = new Bitcoin.Scripting.PrecomputedTransactionData(tx, spent);
                for (var i = 0; i < tx.Inputs.Length; i++)
                    if (!Bitcoin.Scripting.ScriptVerifier.VerifyInput(data, i, flags, node.Secp, out var error))
                        return $"mandatory-script-verify-flag-failed ({error.ToCoreMessage()})";
            }
            created[tx.TxId] = tx;
        }
        return null;
    }

    private sealed class ChainCoinView(ChainManager chain) : ICoinView
    {
        public bool TryGetCoin(in OutPoint outPoint, out Coin coin) => chain.TryGetCoin(outPoint, out coin);
    }
}
