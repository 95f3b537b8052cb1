using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.P2P.CompactBlocks;
using Drivechain.Node.P2P.Messages;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// BIP152 compact blocks, version 2, low bandwidth (docs/p2p.md): we send sendcmpct(0, 2) after the peer's verack; a
/// single announced header on our tip from a peer that sent sendcmpct 2 is fetched as MSG_CMPCT_BLOCK; the cmpctblock is
/// rebuilt from the mempool by short id, the rest asked for with getblocktxn, and a failure (a collision) falls back to a
/// full getdata. Served both ways: getdata MSG_CMPCT_BLOCK (near the tip; a full block otherwise) and getblocktxn.
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>BIP152 inventory type MSG_CMPCT_BLOCK.</summary>
    public const uint MsgCompactBlock = 4;

    /// <summary>Core's MAX_CMPCTBLOCK_DEPTH: deeper blocks asked for as compact are sent in full.</summary>
    public const int MaxCompactBlockDepth = 5;

    /// <summary>Core's MAX_BLOCKTXN_DEPTH: getblocktxn for deeper blocks is answered with the full block.</summary>
    public const int MaxBlockTxnDepth = 10;

    private long _compactBlocksReconstructed;
    private long _compactBlocksFellBack;

    /// <summary>Blocks rebuilt from a cmpctblock (mempool and blocktxn), and those that fell back to a full block, since start.</summary>
    public (long Reconstructed, long FellBack) CompactBlockCounts =>
        (Interlocked.Read(ref _compactBlocksReconstructed), Interlocked.Read(ref _compactBlocksFellBack));

    private Task<bool> SendCompactAsync(Peer peer) =>
        peer.SendAsync("sendcmpct", new SendCompact(HighBandwidth: false, SendCompact.WitnessVersion).ToBytes());

    private async Task<bool> HandleCompactAsync(Peer peer, string command, byte[] payload)
    {
        switch (command)
        {
            case "sendcmpct":
                if (!SendCompact.TryParse(payload, out var send)) return false;
                if (send.Version == SendCompact.WitnessVersion)
                {
                    peer.ProvidesCompactBlocks = true;
                    peer.WantsCompactAnnouncements = send.HighBandwidth;
                }
                return true;
            case "cmpctblock":
                return CompactBlock.TryParse(payload, out var compact) && await OnCompactBlockAsync(peer, compact).ConfigureAwait(false);
            case "blocktxn":
                return BlockTransactions.TryParse(payload, out var answer) && await OnBlockTransactionsAsync(peer, answer).ConfigureAwait(false);
            case "getblocktxn":
                return BlockTransactionsRequest.TryParse(payload, out var request) && await ServeBlockTransactionsAsync(peer, request).ConfigureAwait(false);
            default:
                return true;
        }
    }

    /// <summary>
    /// The inventory type for blocks the scheduler gives <paramref name="peer"/>: one block on our tip from a compact-block
    /// peer is asked for as cmpctblock (Core's low-bandwidth relay), anything else as a full witness block.
    /// </summary>
    private uint BlockRequestType(Peer peer, IReadOnlyList<UInt256> blocks) =>
        peer.ProvidesCompactBlocks && blocks.Count == 1
        && Downloads.HeaderTreeNode(blocks[0])?.Header.PreviousBlockHash == node.Chain.Tip.Hash
            ? MsgCompactBlock
            : InventoryItem.MsgWitnessBlock;

    private async Task<bool> OnCompactBlockAsync(Peer peer, CompactBlock compact)
    {
        var chain = node.Chain;
        var header = compact.Header;
        if (BlockValidation.CheckBlockHeader(header, chain.Network) is { } invalid)
        {
            LogInvalidHeader(log, peer.Id, header.Hash, invalid.RejectReason, invalid.Detail);
            return false;
        }
        peer.MarkBlockKnown(header.Hash);
        var known = chain.GetBlockIndex(header.Hash);
        if (known is { IsFailed: true })
        {
            LogInvalidHeader(log, peer.Id, header.Hash, known.Failure?.Code ?? "BASE", known.Failure?.Reason ?? "bad-prevblk");
            return false;
        }
        if (known is { HasData: true }) return true;
        if (chain.GetBlockIndex(header.PreviousBlockHash) is not { HasData: true }) return await RequestHeadersAsync(peer, null).ConfigureAwait(false);
        if (header.PreviousBlockHash != chain.Tip.Hash) return await RequestFullBlockAsync(peer, header.Hash).ConfigureAwait(false);

        List<Transaction> candidates;
        using (node.EnterLock())
        {
            miner.FollowTip();
            candidates = [.. mempool.Pool.Entries.Select(e => e.Transaction)];
        }
        switch (PartiallyDownloadedBlock.TryCreate(compact, candidates, out var partial))
        {
            case ReadStatus.Invalid:
                LogInvalidCompactBlock(log, peer.Id, header.Hash);
                return false;
            case ReadStatus.Failed:
                return await RequestFullBlockAsync(peer, header.Hash).ConfigureAwait(false);
        }
        if (partial!.MissingIndexes.IsEmpty) return await CompleteCompactBlockAsync(peer, partial, []).ConfigureAwait(false);
        peer.PendingCompactBlock = partial;
        await peer.SendAsync("getblocktxn", new BlockTransactionsRequest(header.Hash, partial.MissingIndexes).ToBytes()).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> OnBlockTransactionsAsync(Peer peer, BlockTransactions answer)
    {
        if (peer.PendingCompactBlock is not { } partial || partial.Hash != answer.BlockHash) return true;   // not asked for: ignored, as Core
        peer.PendingCompactBlock = null;
        return await CompleteCompactBlockAsync(peer, partial, answer.Transactions).ConfigureAwait(false);
    }

    private async Task<bool> CompleteCompactBlockAsync(Peer peer, PartiallyDownloadedBlock partial, IReadOnlyList<Transaction> missing)
    {
        var height = (node.Chain.GetBlockIndex(partial.Compact.Header.PreviousBlockHash)?.Height ?? -1) + 1;
        switch (partial.Fill(missing, checkWitnessRoot: height >= network.SegwitHeight, out var block))
        {
            case ReadStatus.Invalid:
                LogInvalidCompactBlock(log, peer.Id, partial.Hash);
                return false;
            case ReadStatus.Failed:
                return await RequestFullBlockAsync(peer, partial.Hash).ConfigureAwait(false);
        }
        Interlocked.Increment(ref _compactBlocksReconstructed);
        LogReconstructed(log, block!.Hash, peer.Id, partial.FromCandidates, missing.Count, partial.Compact.Prefilled.Length, block.Transactions.Length);
        return await OnBlockAsync(peer, block).ConfigureAwait(false);
    }

    /// <summary>The fallback: getdata MSG_WITNESS_BLOCK for a block we could not rebuild (still in flight from this peer).</summary>
    private async Task<bool> RequestFullBlockAsync(Peer peer, UInt256 hash)
    {
        Interlocked.Increment(ref _compactBlocksFellBack);
        LogCompactFallback(log, hash, peer.Id);
        await peer.SendAsync("getdata", P2PPayloads.Inventory([new InventoryItem(InventoryItem.MsgWitnessBlock, hash)])).ConfigureAwait(false);
        return true;
    }

    /// <summary>getdata: MSG_CMPCT_BLOCK items are answered here (cmpctblock near the tip, the full block deeper); the rest as before.</summary>
    private async Task<bool> ServeDataOrCompactAsync(Peer peer, List<InventoryItem> items)
    {
        if (!items.Any(i => i.Type == MsgCompactBlock)) return await ServeDataAsync(peer, items).ConfigureAwait(false);
        var chain = node.Chain;
        var rest = new List<InventoryItem>(items.Count);
        foreach (var item in items)
        {
            if (item.Type != MsgCompactBlock) rest.Add(item);
            else if (chain.IsInActiveChain(item.Hash) && chain.GetBlockIndex(item.Hash) is { } index && index.Height >= chain.Height - MaxCompactBlockDepth
                     && chain.GetBlock(item.Hash) is { } block)
            {
                if (!await peer.SendAsync("cmpctblock", CompactBlock.FromBlock(block, NextNonce()).ToBytes()).ConfigureAwait(false)) return true;
                peer.SawBlock(index.Height);
            }
            else rest.Add(item with { Type = InventoryItem.MsgWitnessBlock });
        }
        return rest.Count == 0 || await ServeDataAsync(peer, rest).ConfigureAwait(false);
    }

    private async Task<bool> ServeBlockTransactionsAsync(Peer peer, BlockTransactionsRequest request)
    {
        var chain = node.Chain;
        if (chain.GetBlockIndex(request.BlockHash) is not { HasData: true } index || chain.GetBlock(request.BlockHash) is not { } block)
            return true;   // unknown: ignored, as Core
        if (index.Height < chain.Height - MaxBlockTxnDepth)
            return await ServeDataAsync(peer, [new InventoryItem(InventoryItem.MsgWitnessBlock, request.BlockHash)]).ConfigureAwait(false);
        var transactions = ImmutableArray.CreateBuilder<Transaction>(request.Indexes.Length);
        foreach (var i in request.Indexes)
        {
            if (i >= block.Transactions.Length)
            {
                LogOutOfBoundsBlockTxn(log, peer.Id, request.BlockHash, i);
                return false;   // Core: "getblocktxn with out-of-bounds tx indices"
            }
            transactions.Add(block.Transactions[i]);
        }
        await peer.SendAsync("blocktxn", new BlockTransactions(request.BlockHash, transactions.MoveToImmutable()).ToBytes()).ConfigureAwait(false);
        return true;
    }

    private static ulong NextNonce() => BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Block {Hash} from peer {PeerId} reconstructed from a compact block: {FromMempool} from the mempool, {Requested} by getblocktxn, {Prefilled} prefilled, {Total} transactions")]
    private static partial void LogReconstructed(ILogger logger, UInt256 hash, long peerId, int fromMempool, int requested, int prefilled, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compact block {Hash} from peer {PeerId} could not be used; requesting the full block")]
    private static partial void LogCompactFallback(ILogger logger, UInt256 hash, long peerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} sent an invalid compact block {Hash}; disconnecting")]
    private static partial void LogInvalidCompactBlock(ILogger logger, long peerId, UInt256 hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} asked for transaction {Index} of block {Hash}, out of bounds; disconnecting")]
    private static partial void LogOutOfBoundsBlockTxn(ILogger logger, long peerId, UInt256 hash, int index);
}
