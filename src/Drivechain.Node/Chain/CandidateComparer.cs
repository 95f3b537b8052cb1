namespace Drivechain.Node.Chain;

/// <summary>
/// Orders tip candidates best first: more chain work, then the earlier received (lower sequence id),
/// then the hash (only to make the order total). Core's CBlockIndexWorkComparator, reversed.
/// </summary>
internal sealed class CandidateComparer : IComparer<BlockIndex>
{
    public static readonly CandidateComparer Instance = new();

    public int Compare(BlockIndex? x, BlockIndex? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        int work = y.ChainWork.CompareTo(x.ChainWork);
        if (work != 0) return work;
        int sequence = x.SequenceId.CompareTo(y.SequenceId);
        if (sequence != 0) return sequence;
        return x.Hash.CompareTo(y.Hash);
    }
}
