using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>The code of a rejection by a Bitcoin base rule.</summary>
    public const string BaseCode = "BASE";

    /// <summary>
    /// <see cref="SubmitBlock(Block)"/> for serialized bytes (parsed once; the block keeps referencing them).
    /// Bytes that do not parse are rejected as BASE "block-decode-failed" (with a zero hash).
    /// </summary>
    public SubmitOutcome SubmitBlock(ReadOnlyMemory<byte> bytes)
    {
        if (!Block.TryParse(bytes, out var block, out _)) return new SubmitOutcome.Rejected(UInt256.Zero, BaseCode, "block-decode-failed");
        return SubmitBlock(block);
    }

    /// <summary>
    /// Checks, stores and (when it leads the most-work valid chain) connects a block, reorganising if
    /// needed. Rejections give "BASE" with Core's reject reason or the drivechain code with its detail;
    /// a rejected block leaves the tip, UTXO set and drivechain state unchanged.
    /// </summary>
    public SubmitOutcome SubmitBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var outcome = SubmitCore(block, BlockFilePosition.None);
        if (outcome is SubmitOutcome.Accepted) PersistIndexEntry(block.Hash);
        return outcome;
    }

    /// <summary>
    /// An accepted block is acknowledged to its sender (submitblock, generate, a peer): its index entry is committed at
    /// once (its bytes are already in the block file), so a killed process finds it at restart and reconnects it beyond
    /// the last flushed chain state. Imports and reindex skip this and rely on their final flush.
    /// </summary>
    private void PersistIndexEntry(UInt256 hash)
    {
        lock (_lock)
        {
            if (_database is null || !_index.TryGetValue(hash, out var index)) return;
            _database.BeginBatch();
            try
            {
                _database.PutBlockIndex(index);
                _database.CommitBatch();
            }
            catch (SqliteException e)
            {
                _database.RollbackBatch();
                throw new StorageFailureException($"Writing the block index failed: {e.Message}", e);
            }
        }
    }

    // stored: where the block's bytes already are (reindex), or BlockFilePosition.None to store them.
    private SubmitOutcome SubmitCore(Block block, BlockFilePosition stored)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var hash = block.Hash;
            if (_index.TryGetValue(hash, out var existing))
            {
                if (existing.IsFailed) return RejectedFor(existing);
                if (existing.HasData) return new SubmitOutcome.Duplicate(hash);
            }

            if (BlockValidation.CheckBlock(block, _network) is { } contextFree)
                return new SubmitOutcome.Rejected(hash, BaseCode, contextFree.RejectReason);
            if (!_index.TryGetValue(block.Header.PreviousBlockHash, out var parent))
                return new SubmitOutcome.Rejected(hash, BaseCode, "prev-blk-not-found");
            if (parent.IsFailed)
                return new SubmitOutcome.Rejected(hash, BaseCode, "bad-prevblk");

            long now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            var history = new ChainHistory(parent);
            int height = parent.Height + 1;
            uint expectedBits = ExpectedBits(_network, parent, block.Header.Time, history);
            if (BlockValidation.ContextualCheckBlockHeader(block.Header, height, expectedBits, parent.GetMedianTimePast(),
                    parent.Header.Time, now, _network) is { } headerError)
                return new SubmitOutcome.Rejected(hash, BaseCode, headerError.RejectReason);

            if (BlockValidation.ContextualCheckBlock(block, height, parent.GetMedianTimePast(), _network) is { } contextual)
            {
                // Core remembers the hash as invalid unless the block may be a mutated copy of a valid one.
                if (!contextual.IsMutated)
                {
                    var failed = existing ?? AddIndex(block.Header, parent);
                    InvalidBlockFound(failed, BaseCode, contextual.RejectReason);
                }
                return new SubmitOutcome.Rejected(hash, BaseCode, contextual.RejectReason);
            }

            var tipBefore = _active.Tip;
            var index = existing ?? AddIndex(block.Header, parent);
            StoreBlockData(index, block, stored);
            if (!index.IsFailed && CandidateComparer.Instance.Compare(index, tipBefore) <= 0) _candidates.Add(index);
            ActivateBestChain(block);
            MaybeFlush();

            if (index.IsFailed) return RejectedFor(index);
            var tip = _active.Tip!;
            return new SubmitOutcome.Accepted(hash, index.Height, tip == index, tip != tipBefore);
        }
    }

    private static SubmitOutcome.Rejected RejectedFor(BlockIndex index) =>
        (index.Status & BlockStatus.FailedValid) != 0
            ? new SubmitOutcome.Rejected(index.Hash, index.FailureCode ?? BaseCode, index.FailureReason ?? "duplicate-invalid")
            : new SubmitOutcome.Rejected(index.Hash, BaseCode, "bad-prevblk");

    /// <summary>
    /// The bits a block after <paramref name="parent"/> must carry: Core's GetNextWorkRequired, with the
    /// minimum-difficulty walk (within a period, a block not more than 20 minutes after its parent takes the bits
    /// of the last block that did not use the limit) answered from <see cref="BlockIndex.MinDifficultyWalkBits"/>.
    /// </summary>
    internal static uint ExpectedBits(Network network, BlockIndex parent, uint time, IHeaderAncestry history)
    {
        if ((parent.Height + 1) % network.DifficultyAdjustmentInterval != 0 && network.PowAllowMinDifficultyBlocks
            && time <= (long)parent.Header.Time + network.PowTargetSpacing * 2)
            return parent.MinDifficultyWalkBits;
        var last = new PowHeader(parent.Height, parent.Header.Time, parent.Header.Bits);
        return network.GetNextWorkRequired(last, time, history);
    }

    internal static void SetMinDifficultyWalkBits(Network network, uint powLimitBits, BlockIndex index) =>
        index.MinDifficultyWalkBits = index.Parent is not null && index.Height % network.DifficultyAdjustmentInterval != 0
            && index.Header.Bits == powLimitBits
                ? index.Parent.MinDifficultyWalkBits
                : index.Header.Bits;

    private void SetMinDifficultyWalkBits(BlockIndex index) => SetMinDifficultyWalkBits(_network, _powLimitBits, index);

    private BlockIndex AddIndex(BlockHeader header, BlockIndex? parent)
    {
        var index = new BlockIndex(header, parent, sequenceId: 0) { Status = BlockStatus.ValidHeader };
        SetMinDifficultyWalkBits(index);
        _index.Add(index.Hash, index);
        MarkDirty(index);
        return index;
    }

    private void StoreBlockData(BlockIndex index, Block block, BlockFilePosition stored)
    {
        index.SequenceId = _nextSequenceId++;
        index.TransactionCount = block.Transactions.Length;
        if (stored.IsSet) index.FilePosition = stored;
        else if (_blockFiles is not null) index.FilePosition = _blockFiles.Append(block.ToBytes());
        else _memoryBlocks[index.Hash] = block;
        index.Status |= BlockStatus.HaveData | BlockStatus.ValidTransactions;
        MarkDirty(index);
    }

    /// <param name="stored">Where the genesis block's bytes already are (reindex); by default they are stored.</param>
    private void InitialiseGenesis(BlockFilePosition? stored = null)
    {
        var genesis = _network.Genesis;
        var index = AddIndex(genesis.Header, null);
        StoreBlockData(index, genesis, stored ?? BlockFilePosition.None);
        // Core never connects the genesis coinbase (its output is unspendable); the drivechain rules see it.
        var outcome = _drivechain.Connect(_drivechainState, genesis, 0);
        if (outcome is not Drivechain.Consensus.ConnectOutcome.Accepted accepted)
            throw new InvalidOperationException($"the drivechain rules reject the genesis block: {outcome}");
        _undo[index.Hash] = new BlockUndoRecord([], accepted.Undo);
        _drivechainState = accepted.State;
        index.Status |= BlockStatus.ValidScripts;
        _active.SetTip(index);
        _candidates.Add(index);
    }
}
