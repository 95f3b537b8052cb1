using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
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

            var check = new BlockCheck(block) { Now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() };
            if (_pipeline.Run(check, BlockStagePhase.ContextFree) is { } contextFree)
                return new SubmitOutcome.Rejected(hash, contextFree);
            if (!_index.TryGetValue(block.Header.PreviousBlockHash, out var parent))
                return new SubmitOutcome.Rejected(hash, BlockRejection.MissingPrevious());
            if (parent.IsFailed)
                return new SubmitOutcome.Rejected(hash, BlockRejection.InvalidPrevious());

            check.Parent = parent;
            if (_pipeline.Run(check, BlockStagePhase.ContextualHeader) is { } header)
                return new SubmitOutcome.Rejected(hash, header);
            if (_pipeline.Run(check, BlockStagePhase.ContextualBlock) is { } contextual)
            {
                // Core remembers the hash as invalid unless the block may be a mutated copy of a valid one.
                if (contextual.IsPermanent) InvalidBlockFound(existing ?? AddIndex(block.Header, parent), contextual);
                return new SubmitOutcome.Rejected(hash, contextual);
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
        new(index.Hash, (index.Status & BlockStatus.FailedValid) != 0
            ? index.Failure ?? BlockRejection.Base("duplicate-invalid")
            : BlockRejection.InvalidPrevious());

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
        var outcome = _pipeline.Drivechain.Connect(_drivechainState, genesis, 0);
        if (outcome is not Drivechain.Consensus.ConnectOutcome.Accepted accepted)
            throw new InvalidOperationException($"the drivechain rules reject the genesis block: {outcome}");
        _undo[index.Hash] = new BlockUndoRecord([], accepted.Undo);
        _drivechainState = accepted.State;
        index.Status |= BlockStatus.ValidScripts;
        _active.SetTip(index);
        _candidates.Add(index);
    }
}
