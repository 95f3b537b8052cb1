using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Core's TestBlockValidity: every check <see cref="SubmitBlock(Block)"/> would make for a block on the
    /// current tip, including base ConnectBlock and the drivechain rules, without storing or changing anything.
    /// Null when the block is valid; otherwise the rejection it would get. Proof of work is not checked unless
    /// <paramref name="checkProofOfWork"/> (templates are tested before they are mined). A block not built on
    /// the tip is "inconclusive-not-best-prevblk".
    /// </summary>
    public SubmitOutcome.Rejected? TestBlockValidity(Block block, bool checkProofOfWork = false)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var hash = block.Hash;
            var tip = _active.Tip!;
            if (block.Header.PreviousBlockHash != tip.Hash) return new SubmitOutcome.Rejected(hash, BaseCode, "inconclusive-not-best-prevblk");
            if (BlockValidation.CheckBlock(block, _network, checkProofOfWork) is { } contextFree)
                return new SubmitOutcome.Rejected(hash, BaseCode, contextFree.RejectReason);
            long now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            var history = new ChainHistory(tip);
            int height = tip.Height + 1;
            uint expectedBits = ExpectedBits(_network, tip, block.Header.Time, history);
            if (BlockValidation.ContextualCheckBlockHeader(block.Header, height, expectedBits, tip.GetMedianTimePast(), tip.Header.Time, now, _network) is { } header)
                return new SubmitOutcome.Rejected(hash, BaseCode, header.RejectReason);
            if (BlockValidation.ContextualCheckBlock(block, height, tip.GetMedianTimePast(), _network) is { } contextual)
                return new SubmitOutcome.Rejected(hash, BaseCode, contextual.RejectReason);
            if (BlockValidation.ConnectBlock(block, height, _coins, history, _network, _secp, ChooseScriptCheckMode(block)) is ConnectBlockResult.Rejected { Error: var error })
                return new SubmitOutcome.Rejected(hash, BaseCode, error.RejectReason);
            if (_drivechain.Connect(_drivechainState, block, height) is ConnectOutcome.Rejected rejected)
                return new SubmitOutcome.Rejected(hash, rejected.Rejection.CodeString, rejected.Rejection.Detail);
            return null;
        }
    }
}
