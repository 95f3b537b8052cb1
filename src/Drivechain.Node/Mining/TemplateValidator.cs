using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;

namespace Drivechain.Node.Mining;

/// <summary>
/// Core's TestBlockValidity for a block on top of the tip: the same base stages the chain runs (context-free without
/// proof of work, contextual header and block, connect against the UTXO set) and the drivechain validator. Spec §12:
/// the node must never hand out or mine an invalid block. Call with <see cref="NodeChain.Lock"/> held.
/// </summary>
public sealed class TemplateValidator(NodeChain node, TimeProvider clock)
{
    /// <summary>Null when valid, else (code, reason) with code "BASE" or the drivechain reject code.</summary>
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
        var connect = BlockValidation.ConnectBlock(block, height, new ChainCoinView(chain), history, network, node.Secp);
        if (connect is ConnectBlockResult.Rejected rejected) return (ChainManager.BaseCode, rejected.Error.RejectReason);
        if (node.Validator.Connect(chain.TipDrivechainState, block, height) is ConnectOutcome.Rejected drivechain)
            return (drivechain.Rejection.CodeString, drivechain.Rejection.Detail);
        return null;
    }

    private sealed class ChainCoinView(ChainManager chain) : ICoinView
    {
        public bool TryGetCoin(in OutPoint outPoint, out Coin coin) => chain.TryGetCoin(outPoint, out coin);
    }
}
