using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// Follows Bitcoin Core's active chain over JSON-RPC and judges each block by the drivechain rules: unwinds its own
/// blocks that left Core's active chain (undo from the store), fetches Core's new blocks <see cref="BatchSize"/> at a time
/// (one JSON-RPC batch of <c>getblockhash</c>, one of <c>getblock</c>) and connects them in order, persists each verdict,
/// and calls <c>invalidateblock</c> on Core for a block that breaks a rule (Core then moves to another chain).
/// One loop owns the tip; readers see immutable <see cref="Tip"/> snapshots and the <see cref="Changed"/> events.
/// </summary>
public sealed partial class SidecarFollower(CoreRpcClient core, SidecarStore store, DrivechainValidator validator, ILogger<SidecarFollower> log)
{
    private SidecarTip? _tip;

    /// <summary>How long one <c>waitfornewblock</c> long poll lasts before the loop re-checks.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many blocks one round trip fetches during a sync (1 = one <c>getblockhash</c> and one <c>getblock</c> per block).</summary>
    public int BatchSize
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least one block per round trip");
    } = 32;

    /// <summary>Called on the loop after each verdict is persisted (and, for a rejection, after Core was told).</summary>
    public event Action<SidecarVerdict>? VerdictReached;

    /// <summary>Called on the loop, in order, after each connect or disconnect is persisted (the gRPC API's event source).</summary>
    public event Action<ChainView.ChainViewChange>? Changed;

    /// <summary>The last validated block and the state after it; null before <see cref="StartAsync"/>.</summary>
    public SidecarTip? Tip => Volatile.Read(ref _tip);

    /// <summary>Loads the persisted tip, or starts at Core's genesis with the empty state.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tip = store.LoadTip();
        if (tip is null)
        {
            var genesis = await core.GetBlockHashAsync(0, cancellationToken)
                ?? throw new InvalidOperationException("Bitcoin Core has no genesis block");
            tip = new SidecarTip(0, genesis, DrivechainState.Empty);
            store.Connect(tip, BlockUndo.Empty);
            LogStartedFresh(log, genesis);
        }
        else
        {
            var digest = tip.State.ComputeDigest();
            LogResumed(log, tip.Height, tip.Hash, digest);
        }
        Volatile.Write(ref _tip, tip);
    }

    /// <summary>Follows Core until cancelled: sync, then long-poll for a tip other than ours, and again.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Tip is null) await StartAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await SyncAsync(cancellationToken);
            await core.WaitForNewBlockAsync(Tip!.Hash, PollTimeout, cancellationToken);
        }
    }

    /// <summary>
    /// One round: unwind while our tip is not Core's block at that height, then connect Core's blocks above it until
    /// Core's tip, a rejected block (invalidated on Core; the next round follows Core's new chain) or a block whose parent
    /// is no longer our tip (Core reorganised meanwhile; the next round unwinds).
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var tip = Tip ?? throw new InvalidOperationException("StartAsync first");
        var changed = false;
        while (await core.GetBlockHashAsync(tip.Height, cancellationToken) != tip.Hash)
        {
            if (tip.Height == 0)
                throw new InvalidOperationException($"Bitcoin Core's genesis block is not {tip.Hash}: the sidecar's data belongs to another chain");
            tip = Disconnect(tip);
            changed = true;
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            var hashes = await core.GetBlockHashesAsync(tip.Height + 1, BatchSize, cancellationToken);
            if (hashes.Count == 0) break;
            var raws = await core.GetRawBlocksAsync(hashes, cancellationToken);
            for (var i = 0; i < hashes.Count; i++)
            {
                var next = hashes[i];
                if (!Block.TryParse(raws[i], out var block, out var error))
                    throw new InvalidDataException($"Bitcoin Core's block {next} does not parse: {error}");
                if (block.Hash != next)
                    throw new InvalidDataException($"Bitcoin Core returned block {block.Hash} for {next}");
                if (block.Header.PreviousBlockHash != tip.Hash)
                {
                    if (changed) LogTipWithDigest(tip);
                    return;   // Core reorganised meanwhile: the next round unwinds
                }
                var height = tip.Height + 1;
                switch (validator.Connect(tip.State, block, height))
                {
                    case ConnectOutcome.Accepted accepted:
                        var hasContent = !accepted.Events.IsEmpty || !accepted.State.BmmAccepts.IsEmpty;
                        var before = tip.State;
                        tip = new SidecarTip(height, next, accepted.State);
                        store.Connect(tip, accepted.Undo, hasContent ? before : null);
                        Volatile.Write(ref _tip, tip);
                        changed = true;
                        LogAccepted(log, height, next);
                        Changed?.Invoke(new ChainView.ChainViewChange.Connected(new(height, block.Header), block, accepted.Events, accepted.State));
                        VerdictReached?.Invoke(new SidecarVerdict(height, next, null, accepted.State.ComputeDigest(), Stopwatch.GetTimestamp()));
                        break;
                    case ConnectOutcome.Rejected rejected:
                        await RejectAsync(tip, height, next, rejected.Rejection, changed, cancellationToken);
                        return;
                    default:
                        throw new UnreachableException();
                }
            }
        }
        if (changed) LogTipWithDigest(tip);
    }

    /// <summary>Records the rejection, has Core invalidate the block, reports the verdict.</summary>
    private async Task RejectAsync(SidecarTip tip, int height, UInt256 hash, Rejection rejection, bool changed,
        CancellationToken cancellationToken)
    {
        var code = rejection.CodeString;
        store.RecordInvalidated(height, hash, code, rejection.Detail);
        LogInvalid(log, height, hash, code, rejection.Detail);
        try
        {
            await core.InvalidateBlockAsync(hash, cancellationToken);
        }
        catch (CoreRpcException e)
        {
            // E.g. Core dropped the block meanwhile: the next round judges Core's chain again. Pause so a
            // persistent refusal does not become a busy loop.
            LogInvalidateFailed(log, hash, e.Message);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }
        VerdictReached?.Invoke(new SidecarVerdict(height, hash, code, tip.State.ComputeDigest(), Stopwatch.GetTimestamp()));
        if (changed) LogTipWithDigest(tip);
    }

    private void LogTipWithDigest(SidecarTip tip)
    {
        var digest = tip.State.ComputeDigest();
        LogTip(log, tip.Height, tip.Hash, digest);
    }

    private SidecarTip Disconnect(SidecarTip tip)
    {
        var undo = store.LoadUndo(tip.Height);
        var parentHash = store.HashAt(tip.Height - 1)
            ?? throw new InvalidDataException($"no block stored at height {tip.Height - 1}");
        var parent = new SidecarTip(tip.Height - 1, parentHash, validator.Disconnect(tip.State, undo));
        store.Disconnect(parent);
        Volatile.Write(ref _tip, parent);
        LogDisconnected(log, tip.Height, tip.Hash);
        Changed?.Invoke(new ChainView.ChainViewChange.Disconnected(tip.Hash, tip.Height));
        return parent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidecar starting at Core's genesis {BlockHash}")]
    private static partial void LogStartedFresh(ILogger logger, UInt256 blockHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidecar resumed at height {Height} {BlockHash}, digest {Digest}")]
    private static partial void LogResumed(ILogger logger, int height, UInt256 blockHash, UInt256 digest);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Block {Height} {BlockHash} accepted")]
    private static partial void LogAccepted(ILogger logger, int height, UInt256 blockHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disconnected block {Height} {BlockHash}: no longer on Core's active chain")]
    private static partial void LogDisconnected(ILogger logger, int height, UInt256 blockHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Block {Height} {BlockHash} breaks drivechain rule {RejectCode} ({Detail}): invalidating it on Core")]
    private static partial void LogInvalid(ILogger logger, int height, UInt256 blockHash, string rejectCode, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bitcoin Core refused to invalidate {BlockHash}: {Reason}; retrying")]
    private static partial void LogInvalidateFailed(ILogger logger, UInt256 blockHash, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip {Height} {BlockHash} digest {Digest}")]
    private static partial void LogTip(ILogger logger, int height, UInt256 blockHash, UInt256 digest);
}
