using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain.Validation;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// <see cref="SubmitBlock(Block)"/> for serialized bytes (parsed once; the block keeps referencing them).
    /// Bytes that do not parse are rejected as BASE "block-decode-failed" (with a zero hash).
    /// </summary>
    public SubmitOutcome SubmitBlock(ReadOnlyMemory<byte> bytes)
    {
        if (!Block.TryParse(bytes, out var block, out _)) return new SubmitOutcome.Rejected(UInt256.Zero, BlockRejection.Base("block-decode-failed"));
        return SubmitBlock(block);
    }

    /// <summary>
    /// Checks, stores and (when it leads the most-work valid chain) connects a block, reorganising if
    /// needed, running the <see cref="BlockPipeline"/>: its context-free and contextual phases here, its connect phase for
    /// every block that becomes the tip. A rejected block leaves the tip, UTXO set and drivechain state unchanged.
    /// </summary>
    public SubmitOutcome SubmitBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var outcome = SubmitCore(block, BlockFilePosition.None);
        if (outcome is SubmitOutcome.Accepted) PersistIndexEntry(block.Hash);
        return outcome;
    }

    /// <summary>
    /// <see cref="SubmitBlock(Block)"/> for a block a peer sent: nobody waits for an acknowledgement, so its index entry
    /// is written with the next flush instead of in a commit of its own (a killed node downloads it again, as Core does).
    /// </summary>
    public SubmitOutcome SubmitDownloadedBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return SubmitCore(block, BlockFilePosition.None);
    }

    /// <summary>
    /// An accepted block is acknowledged to its sender (submitblock, generate, a peer): its index entry is committed at
    /// once (its bytes are already in the block file), so a killed process finds it at restart and reconnects it beyond
    /// the last flushed chain state. Imports and reindex skip this and rely on their final flush.
    /// </summary>
    private void PersistIndexEntry(UInt256 hash)
    {
        lock (_lock)
            if (_tree.TryGet(hash, out var index)) _store.PersistIndexEntry(index);
    }

    // stored: where the block's bytes already are (reindex), or BlockFilePosition.None to store them.
    private SubmitOutcome SubmitCore(Block block, BlockFilePosition stored)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var hash = block.Hash;
            if (_tree.TryGet(hash, out var existing))
            {
                if (existing.IsFailed) return RejectedFor(existing);
                if (existing.HasData) return new SubmitOutcome.Duplicate(hash);
            }

            var check = new BlockCheck(block) { Now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() };
            if (_pipeline.Run(check, BlockStagePhase.ContextFree) is { } contextFree)
                return new SubmitOutcome.Rejected(hash, contextFree);
            if (!_tree.TryGet(block.Header.PreviousBlockHash, out var parent))
                return new SubmitOutcome.Rejected(hash, BlockRejection.MissingPrevious());
            if (parent.IsFailed)
                return new SubmitOutcome.Rejected(hash, BlockRejection.InvalidPrevious());

            check.ParentIndex = parent;
            if (_pipeline.Run(check, BlockStagePhase.ContextualHeader) is { } header)
                return new SubmitOutcome.Rejected(hash, header);
            if (_pipeline.Run(check, BlockStagePhase.ContextualBlock) is { } contextual)
            {
                // Core remembers the hash as invalid unless the block may be a mutated copy of a valid one.
                if (contextual.IsPermanent) _tree.MarkInvalid(existing ?? _tree.AddHeader(block.Header, parent), contextual);
                return new SubmitOutcome.Rejected(hash, contextual);
            }

            var tipBefore = _tree.Tip;
            var index = existing ?? _tree.AddHeader(block.Header, parent);
            _tree.MarkStored(index, block.Transactions.Length, _store.Store(block, stored));
            _tree.OfferCandidate(index);
            ActivateBestChain(block);
            MaybeFlush();

            if (index.IsFailed) return RejectedFor(index);
            var tip = _tree.Tip!;
            return new SubmitOutcome.Accepted(hash, index.Height, tip == index, tip != tipBefore);
        }
    }

    private static SubmitOutcome.Rejected RejectedFor(BlockIndex index) =>
        new(index.Hash, (index.Status & BlockStatus.FailedValid) != 0
            ? index.Failure ?? BlockRejection.Base("duplicate-invalid")
            : BlockRejection.InvalidPrevious());

    /// <param name="stored">Where the genesis block's bytes already are (reindex); by default they are stored.</param>
    private void InitialiseGenesis(BlockFilePosition? stored = null)
    {
        var genesis = _network.Genesis;
        var index = _tree.AddHeader(genesis.Header, null);
        _tree.MarkStored(index, genesis.Transactions.Length, _store.Store(genesis, stored ?? BlockFilePosition.None));
        // Core never connects the genesis coinbase (its output is unspendable); the drivechain rules see it.
        var outcome = _pipeline.Drivechain.Connect(_state.Drivechain, genesis, 0);
        if (outcome is not Drivechain.Consensus.ConnectOutcome.Accepted accepted)
            throw new InvalidOperationException($"the drivechain rules reject the genesis block: {outcome}");
        _store.RememberUndo(index.Hash, new BlockUndoRecord([], accepted.Undo));
        _state.Drivechain = accepted.State;
        index.Status |= BlockStatus.ValidScripts;
        _tree.Active.SetTip(index);
        _tree.AddCandidate(index);
    }
}
