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
/// Block sync both ways: headers-first download from each peer (getheaders with a locator → headers → getdata of the
/// blocks we lack → <see cref="ChainManager.SubmitBlock(Block)"/>, repeated while a full batch of 2,000 comes back),
/// serving getheaders/getdata from our chain, and announcing every newly connected tip block.
/// </summary>
public sealed partial class PeerManager
{
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
        var toFetch = new List<InventoryItem>();
        var connects = false;
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headers[i];
            if (i > 0 && header.PreviousBlockHash != headers[i - 1].Hash) return false;   // non-continuous headers
            peer.MarkKnown(header.Hash);
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
            if (peer.InFlight.Contains(header.Hash)) continue;
            if (!connects)
            {
                var parent = header.PreviousBlockHash;
                connects = chain.GetBlockIndex(parent) is { HasData: true } || peer.InFlight.Contains(parent);
                if (!connects) return await RequestHeadersAsync(peer, null).ConfigureAwait(false);   // an announcement we cannot connect yet
            }
            peer.InFlight.Add(header.Hash);
            toFetch.Add(new InventoryItem(InventoryItem.MsgWitnessBlock, header.Hash));
        }
        if (toFetch.Count > 0 && !await peer.SendAsync("getdata", P2PPayloads.Inventory(toFetch)).ConfigureAwait(false)) return true;
        if (headers.Length == P2PPayloads.MaxHeaders) return await RequestHeadersAsync(peer, headers[^1].Hash).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> OnInventoryAsync(Peer peer, List<InventoryItem> items)
    {
        var chain = node.Chain;
        var unknown = false;
        foreach (var item in items.Where(i => i.IsBlock))
        {
            peer.MarkKnown(item.Hash);
            if (chain.GetBlockIndex(item.Hash) is not { HasData: true } && !peer.InFlight.Contains(item.Hash)) unknown = true;
        }
        return !unknown || await RequestHeadersAsync(peer, null).ConfigureAwait(false);
    }

    private async Task<bool> OnBlockAsync(Peer peer, byte[] payload)
    {
        if (!Block.TryParse(payload, out var block, out _)) return false;
        peer.InFlight.Remove(block.Hash);
        peer.MarkKnown(block.Hash);
        SubmitOutcome outcome;
        using (node.EnterLock()) outcome = miner.Submit(block);
        switch (outcome)
        {
            case SubmitOutcome.Accepted accepted:
                peer.SawBlock(accepted.Height);
                return true;
            case SubmitOutcome.Duplicate:
                if (node.Chain.GetBlockIndex(block.Hash) is { } index) peer.SawBlock(index.Height);
                return true;
            case SubmitOutcome.Rejected { Rejection: BlockRejection.BaseRule { Error.Result: BlockValidationResult.MissingPrevious } }:
                return await RequestHeadersAsync(peer, null).ConfigureAwait(false);   // unsolicited and not connecting: ask for headers
            case SubmitOutcome.Rejected { Rejection: BlockRejection.BaseRule { Error.Result: BlockValidationResult.TimeFuture } }:
                return true;   // may become valid later; Core does not punish it either
            case SubmitOutcome.Rejected rejected:
                LogInvalidBlock(log, peer.Id, block.Hash, rejected.Code, rejected.Reason);
                return false;
            default:
                return true;
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
        foreach (var header in headers) peer.MarkKnown(header.Hash);
        return await peer.SendAsync("headers", P2PPayloads.Headers(headers)).ConfigureAwait(false);
    }

    private async Task<bool> ServeDataAsync(Peer peer, List<InventoryItem> items)
    {
        var chain = node.Chain;
        var notFound = new List<InventoryItem>();
        foreach (var item in items)
        {
            if (item.IsBlock && chain.GetBlock(item.Hash) is { } block)
            {
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
                    if (change is TipChange.Connected) await AnnounceAsync(change.Block.Header).ConfigureAwait(false);
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
            if (!peer.Established || peer.Knows(header.Hash)) continue;
            peer.MarkKnown(header.Hash);
            if (peer.WantsHeaders) await peer.SendAsync("headers", P2PPayloads.Headers([header])).ConfigureAwait(false);
            else await peer.SendAsync("inv", P2PPayloads.Inventory([new InventoryItem(InventoryItem.MsgBlock, header.Hash)])).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} sent invalid block {Hash} ({Code}: {Reason}); disconnecting")]
    private static partial void LogInvalidBlock(ILogger logger, long peerId, UInt256 hash, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} announced known-invalid block {Hash} ({Code}: {Reason}); disconnecting")]
    private static partial void LogInvalidHeader(ILogger logger, long peerId, UInt256 hash, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "P2P fell behind the tip-change stream; announcing the current tip")]
    private static partial void LogAnnouncementsDropped(ILogger logger);
}
