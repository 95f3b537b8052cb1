using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Cli.Replay;

/// <summary>
/// Parses a vector's blocks on a worker thread, ahead of the node that validates them, so parsing (and the txid
/// hashing it does) overlaps with validation. Blocks are handed out strictly in order.
/// </summary>
internal sealed class BlockPipeline : IDisposable
{
    private const int MaxAhead = 512;

    private readonly ImmutableArray<VectorBlock> _blocks;
    private readonly Parsed[] _parsed;
    private readonly SemaphoreSlim _available = new(0);
    private readonly SemaphoreSlim _room = new(MaxAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    public BlockPipeline(ImmutableArray<VectorBlock> blocks)
    {
        _blocks = blocks;
        _parsed = new Parsed[blocks.Length];
        _worker = Task.Run(Work);
    }

    /// <summary>A parsed block, or the error that made its bytes undecodable.</summary>
    public readonly record struct Parsed(Block? Block, ParseError Error);

    /// <summary>The parsed block at <paramref name="index"/>; call with 0, 1, 2, … in order.</summary>
    public Parsed Take(int index)
    {
        _available.Wait();
        var parsed = _parsed[index];
        _parsed[index] = default;
        _room.Release();
        return parsed;
    }

    private void Work()
    {
        var token = _stop.Token;
        for (int i = 0; i < _blocks.Length; i++)
        {
            try
            {
                _room.Wait(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _parsed[i] = Block.TryParse(_blocks[i].Bytes, out var block, out var error) ? new Parsed(block, default) : new Parsed(null, error);
            _available.Release();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // stopped early: the vector failed before its last block
        }
        _stop.Dispose();
        _available.Dispose();
        _room.Dispose();
    }
}
