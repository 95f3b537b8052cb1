using System.Text;

namespace Drivechain.Node.Mempool.FeeEstimation;

public sealed partial class BlockPolicyEstimator
{
    private const uint FileMagic = 0x45464344;   // "DCFE"
    private const int FileVersion = 1;

    /// <summary>
    /// Writes the estimator's averages (our own layout of what Core's fee_estimates.dat holds: the horizons' averages, the
    /// best seen height and the span of blocks they cover; not the transactions still waiting).
    /// </summary>
    public void Write(Stream stream)
    {
        lock (_lock)
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(FileMagic);
            writer.Write(FileVersion);
            writer.Write(_bestSeenHeight);
            // The span this data covers: this run's when it is the longer one, else what was loaded (as Core).
            if (BlockSpan() > HistoricalBlockSpan() / 2)
            {
                writer.Write(_firstRecordedHeight);
                writer.Write(_bestSeenHeight);
            }
            else
            {
                writer.Write(_historicalFirst);
                writer.Write(_historicalBest);
            }
            writer.Write(_buckets.Length);
            foreach (var b in _buckets) writer.Write(b);
            foreach (var stats in Horizons()) stats.Write(writer);
        }
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote into a fresh estimator. A file of another layout, truncated or with impossible
    /// values is a <see cref="FormatException"/> (or <see cref="EndOfStreamException"/>) and leaves nothing half-loaded.
    /// </summary>
    public static BlockPolicyEstimator Read(Stream stream)
    {
        var estimator = new BlockPolicyEstimator();
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != FileMagic) throw new FormatException("not a fee estimates file");
        if (reader.ReadInt32() is var version && version != FileVersion) throw new FormatException($"unknown version {version}");
        var bestSeen = reader.ReadInt32();
        var first = reader.ReadInt32();
        var best = reader.ReadInt32();
        if (bestSeen < 0 || first < 0 || best < first) throw new FormatException($"corrupt block span {first}..{best}");
        if (reader.ReadInt32() != estimator._buckets.Length) throw new FormatException("bucket count differs");
        foreach (var b in estimator._buckets)
            if (reader.ReadDouble() != b) throw new FormatException("bucket boundaries differ");
        foreach (var stats in estimator.Horizons()) stats.Read(reader);
        if (stream.CanSeek && stream.Position != stream.Length) throw new FormatException("trailing data");
        estimator._historicalFirst = first;
        estimator._historicalBest = best;
        return estimator;
    }
}
