using System.Collections.Immutable;
using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Cli.Replay;

/// <summary>Replays vector files against fresh engines and judges every block (vectors-format.md).</summary>
internal static class VectorReplayer
{
    /// <summary>Reads and replays one file; every failure (I/O, format, engine bug) becomes a failed result.</summary>
    public static VectorResult ReplayFile(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var fallbackName = System.IO.Path.GetFileNameWithoutExtension(path);
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new VectorResult(path, fallbackName, 0, 0, $"cannot read the file: {e.Message}", null, stopwatch.Elapsed);
        }
        if (!VectorReader.TryRead(json, fallbackName, out var vector, out var error))
            return new VectorResult(path, fallbackName, 0, 0, error, null, stopwatch.Elapsed);
        return Replay(path, vector!, stopwatch);
    }

    /// <summary>Replays a parsed vector from a fresh engine.</summary>
    public static VectorResult Replay(string path, VectorFile vector, Stopwatch? stopwatch = null)
    {
        stopwatch ??= Stopwatch.StartNew();
        if (!ChainReplayEngine.TryCreate(vector.Params, out var engine, out var error))
            return new VectorResult(path, vector.Name, vector.Blocks.Length, 0, error, null, stopwatch.Elapsed);
        using (engine)
        using (var blocks = new BlockPipeline(vector.Blocks))
        {
            try
            {
                foreach (var entry in vector.Blocks)
                {
                    var mismatch = ReplayBlock(engine!, entry, blocks.Take(entry.Index));
                    if (mismatch is not null)
                        return new VectorResult(path, vector.Name, vector.Blocks.Length, entry.Index, null, mismatch, stopwatch.Elapsed);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An engine that throws has a bug; report it against this vector and go on with the next one.
                return new VectorResult(path, vector.Name, vector.Blocks.Length, 0,
                    $"the node failed with {e.GetType().Name}: {e.Message}", null, stopwatch.Elapsed);
            }
        }
        return new VectorResult(path, vector.Name, vector.Blocks.Length, vector.Blocks.Length, null, null, stopwatch.Elapsed);
    }

    private static BlockMismatch? ReplayBlock(ChainReplayEngine engine, VectorBlock entry, BlockPipeline.Parsed parsed)
    {
        string? hash = entry.Bytes.Length >= BlockHeader.Size ? BlockHeader.Parse(entry.Bytes.Span[..BlockHeader.Size]).Hash.ToString() : null;
        var beforeTip = engine.TipHash;
        var beforeHeight = engine.TipHeight;
        var before = entry.ExpectAccept ? null : engine.Snapshot();

        var verdict = parsed.Block is { } block
            ? engine.Submit(block)
            : BlockVerdict.Reject("BASE", $"undecodable block: {parsed.Error.Kind} at byte {parsed.Error.Position}");

        BlockMismatch Mismatch(string problem, ImmutableArray<string> differences = default) =>
            new(entry.Index, hash, entry.Describe(), verdict.Describe(), problem, differences.IsDefault ? [] : differences);

        if (verdict.Accepted != entry.ExpectAccept)
            return Mismatch(entry.ExpectAccept ? "the node rejected a valid block" : "the node accepted an invalid block");
        if (!entry.ExpectAccept)
        {
            if (entry.Code is not null && verdict.Code != entry.Code)
                return Mismatch($"wrong rejection code: expected {entry.Code}, node gave {verdict.Code}");
            if (engine.TipHash != beforeTip || engine.TipHeight != beforeHeight)
                return Mismatch($"a rejected block moved the tip from {beforeTip} ({beforeHeight}) to {engine.TipHash} ({engine.TipHeight})");
            var changed = VectorStateComparer.Compare(before!, engine.Snapshot());
            if (!changed.IsEmpty) return Mismatch("a rejected block changed the drivechain state", changed);
        }
        if (entry.State is not null)
        {
            var differences = VectorStateComparer.Compare(entry.State, engine.Snapshot());
            if (!differences.IsEmpty) return Mismatch("the state differs", differences);
        }
        return null;
    }
}
