using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain.Validation;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

/// <summary>
/// The block tree: every known header (<see cref="BlockIndex"/>), the active chain, the candidates for the most-work valid
/// tip, invalid marks, and which entries changed since the last flush. No coins, no bytes: <see cref="ChainManager"/>
/// owns it and calls it under its lock.
/// </summary>
internal sealed class BlockTree(Network network, bool trackChanges)
{
    private readonly Dictionary<UInt256, BlockIndex> _index = [];
    private readonly SortedSet<BlockIndex> _candidates = new(CandidateComparer.Instance);
    private readonly HashSet<BlockIndex> _changed = [];
    private readonly uint _powLimitBits = network.PowLimitBits;
    private long _nextSequenceId = 1;

    /// <summary>The active chain.</summary>
    public ActiveChain Active { get; } = new();

    public BlockIndex? Tip => Active.Tip;

    public int Count => _index.Count;

    public IEnumerable<BlockIndex> Entries => _index.Values;

    public bool TryGet(UInt256 hash, out BlockIndex index) => _index.TryGetValue(hash, out index!);

    public BlockIndex? Get(UInt256 hash) => _index.GetValueOrDefault(hash);

    public bool Contains(UInt256 hash) => _index.ContainsKey(hash);

    /// <summary>Entries changed since <see cref="TakeChanged"/> was last called (only tracked for a stored chain).</summary>
    public void MarkChanged(BlockIndex index)
    {
        if (trackChanges) _changed.Add(index);
    }

    /// <summary>The entries to write at a flush; the set starts again empty.</summary>
    public List<BlockIndex> TakeChanged()
    {
        var changed = _changed.ToList();
        _changed.Clear();
        return changed;
    }

    /// <summary>A new header on top of <paramref name="parent"/> (null for genesis), valid as a header.</summary>
    public BlockIndex AddHeader(BlockHeader header, BlockIndex? parent)
    {
        var index = new BlockIndex(header, parent, sequenceId: 0) { Status = BlockStatus.ValidHeader };
        SetMinDifficultyWalkBits(index);
        _index.Add(index.Hash, index);
        MarkChanged(index);
        return index;
    }

    /// <summary>An entry read back from the database (parents come first).</summary>
    public BlockIndex AddStored(StoredBlockIndex row)
    {
        BlockIndex? parent = null;
        if (row.Height > 0 && !_index.TryGetValue(row.Header.PreviousBlockHash, out parent))
            throw new IOException($"block index: {row.Header.Hash} has no parent {row.Header.PreviousBlockHash}");
        var index = new BlockIndex(row.Header, parent, row.SequenceId)
        {
            Status = row.Status,
            FilePosition = row.Position,
            TransactionCount = row.TransactionCount,
            Failure = row.FailureCode is null && row.FailureReason is null ? null : BlockRejection.FromStored(row.FailureCode, row.FailureReason),
        };
        SetMinDifficultyWalkBits(index);
        _index.Add(index.Hash, index);
        _nextSequenceId = Math.Max(_nextSequenceId, row.SequenceId + 1);
        return index;
    }

    /// <summary>The block's data is stored (at <paramref name="position"/>, or in memory): it may now be connected.</summary>
    public void MarkStored(BlockIndex index, int transactionCount, BlockFilePosition position)
    {
        index.SequenceId = _nextSequenceId++;
        index.TransactionCount = transactionCount;
        if (position.IsSet) index.FilePosition = position;
        index.Status |= BlockStatus.HaveData | BlockStatus.ValidTransactions;
        MarkChanged(index);
    }

    /// <summary>A stored block that does not have less work than the tip becomes a candidate.</summary>
    public void OfferCandidate(BlockIndex index)
    {
        if (!index.IsFailed && CandidateComparer.Instance.Compare(index, Active.Tip!) <= 0) _candidates.Add(index);
    }

    /// <summary>Adds a candidate unconditionally (genesis, a tip being disconnected).</summary>
    public void AddCandidate(BlockIndex index) => _candidates.Add(index);

    /// <summary>The most-work candidate whose blocks since the fork are all stored and not failed, or null.</summary>
    public BlockIndex? FindMostWorkChain()
    {
        while (_candidates.Count > 0)
        {
            var candidate = _candidates.Min!;
            BlockIndex? failedAncestor = null;
            for (var walk = candidate; walk is not null && !Active.Contains(walk); walk = walk.Parent)
                if (walk.IsFailed || !walk.HasData) failedAncestor = walk;
            if (failedAncestor is null) return candidate;
            _candidates.Remove(candidate);
            if (failedAncestor.IsFailed && !candidate.IsFailed)
            {
                candidate.Status |= BlockStatus.FailedChild;
                MarkChanged(candidate);
            }
        }
        return null;
    }

    /// <summary>Drops candidates with less work than the tip, keeping the tip itself.</summary>
    public void PruneCandidates()
    {
        var tip = Active.Tip!;
        while (_candidates.Count > 0 && CandidateComparer.Instance.Compare(_candidates.Max!, tip) > 0) _candidates.Remove(_candidates.Max!);
        _candidates.Add(tip);
    }

    /// <summary>Every stored valid block with at least the tip's work is a candidate again (after the tip went back).</summary>
    public void RebuildCandidates()
    {
        var tip = Active.Tip!;
        _candidates.Clear();
        foreach (var index in _index.Values)
            if (index.HasData && !index.IsFailed && CandidateComparer.Instance.Compare(index, tip) <= 0)
                _candidates.Add(index);
        _candidates.Add(tip);
    }

    /// <summary>Marks a block invalid for good (<paramref name="rejection"/> says why), and every descendant as having an invalid ancestor.</summary>
    public void MarkInvalid(BlockIndex index, BlockRejection rejection)
    {
        index.Status |= BlockStatus.FailedValid;
        index.Failure = rejection;
        MarkChanged(index);
        _candidates.Remove(index);
        var stack = new Stack<BlockIndex>(index.Children);
        while (stack.Count > 0)
        {
            var child = stack.Pop();
            child.Status |= BlockStatus.FailedChild;
            MarkChanged(child);
            _candidates.Remove(child);
            foreach (var grandchild in child.Children) stack.Push(grandchild);
        }
    }

    /// <summary>Core's reconsiderblock marks: clears the failure of the block, its descendants and its ancestors.</summary>
    public void ClearInvalid(BlockIndex index)
    {
        var stack = new Stack<BlockIndex>();
        stack.Push(index);
        while (stack.Count > 0)
        {
            var walk = stack.Pop();
            Clear(walk);
            foreach (var child in walk.Children) stack.Push(child);
        }
        for (var walk = index.Parent; walk is not null; walk = walk.Parent) Clear(walk);

        void Clear(BlockIndex walk)
        {
            if (!walk.IsFailed) return;
            walk.Status &= ~BlockStatus.FailedMask;
            walk.Failure = null;
            MarkChanged(walk);
        }
    }

    /// <summary>Core's getchaintips: the active tip and the tip of every other branch, highest first.</summary>
    public List<ChainTip> GetChainTips()
    {
        var tips = new List<ChainTip>();
        foreach (var index in _index.Values)
        {
            if (index.Children.Count != 0) continue;
            var fork = Active.FindFork(index)!;
            ChainTipStatus status;
            if (Active.Contains(index)) status = ChainTipStatus.Active;
            else if (index.IsFailed) status = ChainTipStatus.Invalid;
            else
            {
                status = ChainTipStatus.ValidFork;
                for (var walk = index; walk != fork; walk = walk.Parent!)
                    if ((walk.Status & BlockStatus.ValidScripts) == 0) status = ChainTipStatus.ValidHeaders;
            }
            tips.Add(new ChainTip(index.Hash, index.Height, index.Height - fork.Height, status));
        }
        if (Active.Tip!.Children.Count != 0) tips.Add(new ChainTip(Active.Tip.Hash, Active.Height, 0, ChainTipStatus.Active));
        tips.Sort((a, b) => b.Height.CompareTo(a.Height));
        return tips;
    }

    private void SetMinDifficultyWalkBits(BlockIndex index) => SetMinDifficultyWalkBits(network, _powLimitBits, index);

    /// <summary>What the minimum-difficulty walk answers after <paramref name="index"/> (see <see cref="BlockIndex.MinDifficultyWalkBits"/>).</summary>
    internal static void SetMinDifficultyWalkBits(Network network, uint powLimitBits, BlockIndex index) =>
        index.MinDifficultyWalkBits = index.Parent is not null && index.Height % network.DifficultyAdjustmentInterval != 0
            && index.Header.Bits == powLimitBits
                ? index.Parent.MinDifficultyWalkBits
                : index.Header.Bits;
}
