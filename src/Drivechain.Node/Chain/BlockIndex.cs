using System.Numerics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

/// <summary>
/// One entry of the block tree: header, parent, height, cumulative work, status and where the block is
/// stored. Entries are created and mutated only by <see cref="ChainManager"/> under its lock; readers see
/// them through the manager.
/// </summary>
public sealed class BlockIndex
{
    // Null, the only child (a chain has one child per block: no list for it, 56 bytes less per block), or a list of several.
    private object? _children;

    internal BlockIndex(BlockHeader header, BlockIndex? parent, long sequenceId)
    {
        Header = header;
        Parent = parent;
        Height = parent is null ? 0 : parent.Height + 1;
        ChainWork = (parent?.ChainWork ?? BigInteger.Zero) + header.Work;
        SequenceId = sequenceId;
        Skip = parent?.GetAncestor(GetSkipHeight(Height));
        parent?.AddChild(this);
    }

    // Core's skip pointer: an ancestor far below, so GetAncestor takes O(log n) steps instead of n.
    private BlockIndex? Skip { get; }

    /// <summary>The block hash.</summary>
    public UInt256 Hash => Header.Hash;

    /// <summary>The 80-byte header.</summary>
    public BlockHeader Header { get; }

    /// <summary>The parent entry (null for genesis).</summary>
    public BlockIndex? Parent { get; }

    /// <summary>Height (genesis = 0).</summary>
    public int Height { get; }

    /// <summary>Total work of the chain up to and including this block.</summary>
    public BigInteger ChainWork { get; }

    /// <summary>Order in which blocks were received (Core's nSequenceId): the earlier wins a work tie.</summary>
    public long SequenceId { get; internal set; }

    /// <summary>Status flags.</summary>
    public BlockStatus Status { get; internal set; }

    /// <summary>Where the block bytes are stored (not set in memory mode).</summary>
    public BlockFilePosition FilePosition { get; internal set; } = BlockFilePosition.None;

    /// <summary>Number of transactions (0 until the block data is known).</summary>
    public int TransactionCount { get; internal set; }

    /// <summary>For a block that failed validation itself: the rule it broke (null otherwise, also for a failed ancestor).</summary>
    public Validation.BlockRejection? Failure { get; internal set; }

    /// <summary>
    /// The bits Core's minimum-difficulty walk (testnet/regtest GetNextWorkRequired) returns from this block:
    /// its own bits, or its parent's walk result when this block used the limit inside a period. Kept per
    /// entry so the walk is O(1) instead of up to 2015 steps per block.
    /// </summary>
    internal uint MinDifficultyWalkBits { get; set; }

    /// <summary>True when the block or an ancestor is known to be invalid.</summary>
    public bool IsFailed => (Status & BlockStatus.FailedMask) != 0;

    /// <summary>True when the full block is stored.</summary>
    public bool HasData => (Status & BlockStatus.HaveData) != 0;

    internal IReadOnlyList<BlockIndex> Children => _children switch
    {
        BlockIndex only => [only],
        List<BlockIndex> several => several,
        _ => [],
    };

    private void AddChild(BlockIndex child)
    {
        switch (_children)
        {
            case null: _children = child; break;
            case BlockIndex only: _children = new List<BlockIndex>(2) { only, child }; break;
            case List<BlockIndex> several: several.Add(child); break;
        }
    }

    /// <summary>The ancestor at <paramref name="height"/> (this entry at its own height), or null above it.</summary>
    public BlockIndex? GetAncestor(int height)
    {
        if (height > Height || height < 0) return null;
        var walk = this;
        int heightWalk = Height;
        while (heightWalk > height)
        {
            int heightSkip = GetSkipHeight(heightWalk);
            int heightSkipPrev = GetSkipHeight(heightWalk - 1);
            if (walk.Skip is not null
                && (heightSkip == height || (heightSkip > height && !(heightSkipPrev < heightSkip - 2 && heightSkipPrev >= height))))
            {
                walk = walk.Skip;
                heightWalk = heightSkip;
            }
            else
            {
                walk = walk.Parent!;
                heightWalk--;
            }
        }
        return walk;
    }

    private static int InvertLowestOne(int n) => n & (n - 1);

    // Core's GetSkipHeight: any height below; chosen so that walking skip pointers reaches any ancestor quickly.
    private static int GetSkipHeight(int height) =>
        height < 2 ? 0 : (height & 1) != 0 ? InvertLowestOne(InvertLowestOne(height - 1)) + 1 : InvertLowestOne(height);

    /// <summary>Median of the times of this block and up to 10 ancestors (BIP113).</summary>
    public uint GetMedianTimePast()
    {
        Span<uint> times = stackalloc uint[11];
        int count = 0;
        for (var walk = this; walk is not null && count < 11; walk = walk.Parent) times[count++] = walk.Header.Time;
        var used = times[..count];
        used.Sort();
        return used[count / 2];
    }

    /// <summary>The display hash and height.</summary>
    public override string ToString() => $"{Hash} @{Height}";
}
