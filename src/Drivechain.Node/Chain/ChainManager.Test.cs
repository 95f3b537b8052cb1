using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Core's TestBlockValidity: the whole <see cref="BlockPipeline"/> for a block on the current tip, as
    /// <see cref="SubmitBlock(Block)"/> would run it, without storing or changing anything. Null when the block is valid;
    /// otherwise the rejection it would get. Proof of work is not checked unless <paramref name="checkProofOfWork"/>
    /// (templates are tested before they are mined). Scripts of transactions in <paramref name="scriptCache"/> (the
    /// mempool's, for templates) are not run again. A block not built on the tip is "inconclusive-not-best-prevblk".
    /// </summary>
    public BlockRejection? TestBlockValidity(Block block, bool checkProofOfWork = false, Bitcoin.Validation.IScriptExecutionCache? scriptCache = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var tip = _tree.Tip!;
            if (block.Header.PreviousBlockHash != tip.Hash) return BlockRejection.Base("inconclusive-not-best-prevblk");
            var check = new BlockCheck(block)
            {
                CheckProofOfWork = checkProofOfWork,
                Now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
                ParentIndex = tip,
                Coins = _state.Coins,
                State = _state.Drivechain,
                ScriptMode = ChooseScriptCheckMode(block),
                ScriptCache = scriptCache,
            };
            return _pipeline.RunAll(check);
        }
    }
}
