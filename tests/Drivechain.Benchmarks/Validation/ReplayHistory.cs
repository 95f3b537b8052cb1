using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Benchmarks.Validation;

/// <summary>Block times and hashes by height for replaying a vector chain in a benchmark.</summary>
internal sealed class ReplayHistory : IChainHistory
{
    private readonly List<uint> _times = [];
    private readonly List<UInt256> _hashes = [];

    public ReplayHistory(Block genesis) => Add(genesis);

    public int Height => _times.Count - 1;

    public void Add(Block block)
    {
        _times.Add(block.Header.Time);
        _hashes.Add(block.Hash);
    }

    public uint GetMedianTimePast(int height)
    {
        int first = Math.Max(0, height - ConsensusLimits.MedianTimeSpan + 1);
        return MedianTimePast.Compute(_times.GetRange(first, height - first + 1).ToArray());
    }

    public UInt256 GetBlockHash(int height) => _hashes[height];
}
