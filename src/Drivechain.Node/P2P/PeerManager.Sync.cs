using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain.Validation;
using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.Rpc.Methods;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Block sync both ways: headers-first download (getheaders with a locator → headers kept by the
/// <see cref="Sync.BlockDownloadScheduler"/> → getdata of the next blocks, spread over every peer whose headers chain has
/// them (PeerManager.Download.cs) → <see cref="ChainManager.SubmitBlock(Block)"/>, repeated while a full batch of 2,000
/// comes back), serving getheaders/getdata from our chain, and announcing every newly connected tip block.
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Core's MAX_NUM_UNCONNECTING_HEADERS_MSGS: headers messages in a row that do not connect before the peer is punished.</summary>
    public const int MaxUnconnectingHeaders = 10;

    /// <summary>Sends getheaders with our chain's locator, preceded by <paramref name="from"/> (the last header of a full batch).</summary>
    private Task<bool> RequestHeadersAsync(Peer peer, UInt256? from)
    {
        var locator = new List<UInt256>();
        if (from is { } hash) locator.Add(hash);
        locator.AddRange(Locator(node.Chain));
        return peer.SendAsync("getheaders", P2PPayloads.GetHeaders(ControlRpcMethods.ProtocolVersion, locator, UInt256.Zero));
    }

    /// <summary>Core's block locator: the last ten blocks, then exponentially sparser, ending at genesis.</summary>
    internal static List<UInt256> Locator(ChainManager chain)
    {
        var hashes = new List<UInt256>();
        var step = 1;
        for (var height = chain.Height; height > 0; height -= step)
        {
            if (chain.GetBlockHash(height) is { } hash) hashes.Add(hash);
            if (hashes.Count >= 10) step *= 2;
        }
        hashes.Add(chain.Network.GenesisHash);
        return hashes;
    }

    private async Task<bool> OnHeadersAsync(Peer peer, ImmutableArray<BlockHeader> headers)
    {
        if (headers.IsEmpty) return true;
        var chain = node.Chain;
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headers[i];
            if (i > 0 && header.PreviousBlockHash != headers[i - 1].Hash) return false;   // non-continuous headers
            if (BlockValidation.CheckBlockHeader(header, chain.Network) is { } invalid)
            {
                LogInvalidHeader(log, peer.Id, header.Hash, invalid.RejectReason, invalid.Detail);
                return false;
            }
        }
        if (_presyncs.TryGetValue(peer.Id, out var presync) && headers[0].PreviousBlockHash == presync.Last)
            return await ContinuePresyncAsync(peer, presync, headers).ConfigureAwait(false);
        var downloads = Downloads;
        var previous = headers[0].PreviousBlockHash;
        if (chain.GetBlockIndex(previous) is not { HasData: true } && !downloads.KnowsHeader(previous))
        {
            // An announcement we cannot connect yet: ask for the headers between; too many in a row is a flood.
            if (++peer.UnconnectingHeaders > MaxUnconnectingHeaders)
            {
                LogUnconnectingFlood(log, peer.Id, peer.UnconnectingHeaders);
                return false;
            }
            return await RequestHeadersAsync(peer, null).ConfigureAwait(false);
        }
        peer.UnconnectingHeaders = 0;
        if (await StartPresyncAsync(peer, headers).ConfigureAwait(false) is { } presynced) return presynced;
        if (!await StoreHeadersAsync(peer, headers).ConfigureAwait(false)) return false;
        if (headers.Length == P2PPayloads.MaxHeaders) return await RequestHeadersAsync(peer, headers[^1].Hash).ConfigureAwait(false);
        return true;
    }

    /// <summary>Keeps connecting headers in the download scheduler's tree and asks the peer for blocks; false when one is invalid.</summary>
    private async Task<bool> StoreHeadersAsync(Peer peer, IReadOnlyList<BlockHeader> headers)
    {
        var chain = node.Chain;
        foreach (var header in headers)
        {
            peer.MarkBlockKnown(header.Hash);
            var index = chain.GetBlockIndex(header.Hash);
            if (index is { IsFailed: true })
            {
                LogInvalidHeader(log, peer.Id, header.Hash, index.Failure?.Code ?? "BASE", index.Failure?.Reason ?? "bad-prevblk");
                return false;
            }
            if (index is { HasData: true })
            {
                peer.SawBlock(index.Height);
                continue;
            }
            var chainParent = chain.GetBlockIndex(header.PreviousBlockHash) is { HasData: true, IsFailed: false } parent ? parent : null;
            if (Downloads.AddHeader(peer.Id, header, chainParent) is not { } added)
            {
                LogInvalidHeader(log, peer.Id, header.Hash, "BASE", "bad-prevblk");
                return false;
            }
            peer.SawHeader(added.Height);
        }
        await RequestBlocksAsync(peer).ConfigureAwait(false);
        return true;
    }

    /// <summary>Asks <paramref name="peer"/> for the next blocks the scheduler gives it (nothing when it has none).</summary>
    private Task<bool> RequestBlocksAsync(Peer peer)
    {
        if (!peer.Established || !node.IsLoaded) return Task.FromResult(true);
        var blocks = Downloads.Assign(peer.Id, clock.GetUtcNow());
        if (blocks.Count == 0) return Task.FromResult(true);
        var type = BlockRequestType(peer, blocks);
        return peer.SendAsync("getdata", P2PPayloads.Inventory([.. blocks.Select(hash => new InventoryItem(type, hash))]));
    }

    private async Task<bool> OnInventoryAsync(Peer peer, List<InventoryItem> items)
    {
        var chain = node.Chain;
        var unknown = false;
        foreach (var item in items.Where(i => i.IsBlock))
        {
            peer.MarkBlockKnown(item.Hash);
            if (chain.GetBlockIndex(item.Hash) is not { HasData: true } && !Downloads.IsRequestedOrParked(item.Hash)) unknown = true;
        }
        return !unknown || await RequestHeadersAsync(peer, null).ConfigureAwait(false);
    }

    private async Task<bool> OnBlockAsync(Peer peer, byte[] payload) =>
        Block.TryParse(payload, out var block, out _) && await OnBlockAsync(peer, block).ConfigureAwait(false);

    /// <summary>A block from <paramref name="peer"/>, received whole or rebuilt from a compact block.</summary>
    private async Task<bool> OnBlockAsync(Peer peer, Block block)
    {
        var downloads = Downloads;
        downloads.Received(peer.Id, block.Hash, clock.GetUtcNow());
        peer.MarkBlockKnown(block.Hash);
        if (node.Chain.GetBlockIndex(block.Header.PreviousBlockHash) is not { HasData: true } && downloads.TryPark(block, peer.Id))
        {
            // Parallel download: a block of a chain we fetch that came before its parent waits for it (checked when it connects).
            await RequestBlocksAsync(peer).ConfigureAwait(false);
            return true;
        }
        var outcome = SubmitDownloaded(block);
        switch (outcome)
        {
            case SubmitOutcome.Accepted accepted:
                peer.SawBlock(accepted.Height);
                ConnectParked(block.Hash);
                break;
            case SubmitOutcome.Duplicate:
                if (node.Chain.GetBlockIndex(block.Hash) is { } index) peer.SawBlock(index.Height);
                ConnectParked(block.Hash);
                break;
            case SubmitOutcome.Rejected { Rejection: BlockRejection.BaseRule { Error.Result: BlockValidationResult.MissingPrevious } }:
                return await RequestHeadersAsync(peer, null).ConfigureAwait(false);   // unsolicited and not connecting: ask for headers
            case SubmitOutcome.Rejected { Rejection: BlockRejection.BaseRule { Error.Result: BlockValidationResult.TimeFuture } }:
                break;   // may become valid later; Core does not punish it either
            case SubmitOutcome.Rejected rejected:
                LogInvalidBlock(log, peer.Id, block.Hash, rejected.Code, rejected.Reason);
                return false;
        }
        await RequestBlocksAsync(peer).ConfigureAwait(false);
        return true;
    }

    private SubmitOutcome SubmitDownloaded(Block block)
    {
        SubmitOutcome outcome;
        using (node.EnterLock()) outcome = miner.SubmitDownloaded(block);
        // Stored now (or already): the chain's entry replaces the header node (outside the chain lock: the scheduler's comes first).
        if (outcome is SubmitOutcome.Accepted or SubmitOutcome.Duplicate && node.Chain.GetBlockIndex(block.Hash) is { HasData: true } stored)
            Downloads.Stored(stored);
        return outcome;
    }

    /// <summary>Submits the parked blocks that were waiting for <paramref name="parent"/>, and theirs in turn.</summary>
    private void ConnectParked(UInt256 parent)
    {
        var ready = new Queue<UInt256>([parent]);
        while (ready.TryDequeue(out var hash))
        {
            foreach (var child in Downloads.TakeChildren(hash))
            {
                var outcome = SubmitDownloaded(child.Block);
                if (outcome is SubmitOutcome.Accepted or SubmitOutcome.Duplicate)
                {
                    ready.Enqueue(child.Block.Hash);
                }
                else if (outcome is SubmitOutcome.Rejected rejected)
                {
                    LogInvalidBlock(log, child.PeerId, child.Block.Hash, rejected.Code, rejected.Reason);
                    if (_peers.TryGetValue(child.PeerId, out var sender)) Misbehaving(sender, "sent an invalid block");
                }
            }
        }
    }

    private async Task<bool> ServeHeadersAsync(Peer peer, List<UInt256> locator, UInt256 stop)
    {
        var chain = node.Chain;
        var headers = new List<BlockHeader>();
        if (locator.Count == 0)
        {
            if (chain.GetBlockIndex(stop) is { HasData: true } only) headers.Add(only.Header);
        }
        else
        {
            var forkHeight = 0;
            foreach (var hash in locator)
            {
                if (!chain.IsInActiveChain(hash) || chain.GetBlockIndex(hash) is not { } fork) continue;
                forkHeight = fork.Height;
                break;
            }
            for (var height = forkHeight + 1; headers.Count < P2PPayloads.MaxHeaders; height++)
            {
                if (chain.GetActiveBlockIndex(height) is not { } index) break;
                headers.Add(index.Header);
                if (index.Hash == stop) break;
            }
        }
        foreach (var header in headers) peer.MarkBlockKnown(header.Hash);
        return await peer.SendAsync("headers", P2PPayloads.Headers(headers)).ConfigureAwait(false);
    }

    private async Task<bool> ServeDataAsync(Peer peer, List<InventoryItem> items)
    {
        var chain = node.Chain;
        var notFound = new List<InventoryItem>();
        var transactions = items.Any(i => i.IsTransaction) ? FindTransactions(items.Where(i => i.IsTransaction)) : [];
        foreach (var item in items)
        {
            if (transactions.TryGetValue(item, out var tx))
            {
                if (!await peer.SendAsync("tx", tx.ToBytes(withWitness: item.Type != InventoryItem.MsgTx)).ConfigureAwait(false)) return true;
            }
            else if (item.IsBlock && chain.GetBlock(item.Hash) is { } block)
            {
                await peer.WaitForSendSpaceAsync().ConfigureAwait(false);
                if (!await peer.SendAsync("block", block.ToBytes(withWitness: (item.Type & InventoryItem.MsgWitnessFlag) != 0)).ConfigureAwait(false))
                    return true;
                if (chain.IsInActiveChain(item.Hash) && chain.GetBlockIndex(item.Hash) is { } index) peer.SawBlock(index.Height);
            }
            else
            {
                notFound.Add(item);
            }
        }
        return notFound.Count == 0 || await peer.SendAsync("notfound", P2PPayloads.Inventory(notFound)).ConfigureAwait(false);
    }

    /// <summary>Follows the tip-change stream and announces each connected block to the peers that do not have it.</summary>
    private async Task AnnounceTipsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = node.Chain.SubscribeTipChanges("p2p", out _, out _);
            try
            {
                await foreach (var change in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    _recentRejects.Reset();   // a new tip may make refused transactions valid (Core resets its filter too)
                    if (change is not TipChange.Connected) continue;
                    ReportProgress(change.Index);
                    await AnnounceAsync(change.Block.Header).ConfigureAwait(false);
                }
                return;
            }
            catch (TipChangeSubscriberDroppedException)
            {
                LogAnnouncementsDropped(log);
                await AnnounceAsync(node.Chain.Tip.Header).ConfigureAwait(false);
            }
        }
    }

    private async Task AnnounceAsync(BlockHeader header)
    {
        foreach (var peer in _peers.Values)
        {
            if (!peer.Established || peer.KnowsBlock(header.Hash)) continue;
            peer.MarkBlockKnown(header.Hash);
            if (peer.WantsHeaders) await peer.SendAsync("headers", P2PPayloads.Headers([header])).ConfigureAwait(false);
            else await peer.SendAsync("inv", P2PPayloads.Inventory([new InventoryItem(InventoryItem.MsgBlock, header.Hash)])).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} sent invalid block {Hash} ({Code}: {Reason}); disconnecting")]
    private static partial void LogInvalidBlock(ILogger logger, long peerId, UInt256 hash, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} sent an invalid header {Hash} ({Code}: {Reason}); disconnecting")]
    private static partial void LogInvalidHeader(ILogger logger, long peerId, UInt256 hash, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} sent too many unconnecting headers ({Count} messages in a row)")]
    private static partial void LogUnconnectingFlood(ILogger logger, long peerId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "P2P fell behind the tip-change stream; announcing the current tip")]
    private static partial void LogAnnouncementsDropped(ILogger logger);
}
