using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Messages;

/// <summary>
/// Encoding and parsing of the payloads this node handles besides version and block: inv/getdata/notfound,
/// getheaders, headers, ping/pong. Parsers reject counts over Core's limits and trailing bytes.
/// </summary>
public static class P2PPayloads
{
    /// <summary>Core's MAX_HEADERS_RESULTS.</summary>
    public const int MaxHeaders = 2000;

    /// <summary>Core's MAX_LOCATOR_SZ.</summary>
    public const int MaxLocator = 101;

    public static byte[] Inventory(IReadOnlyList<InventoryItem> items)
    {
        var bytes = new byte[BitcoinWriter.CompactSizeLength((ulong)items.Count) + items.Count * InventoryItem.Size];
        var writer = new BitcoinWriter(bytes);
        writer.WriteCompactSize((ulong)items.Count);
        foreach (var item in items)
        {
            writer.WriteUInt32(item.Type);
            writer.WriteUInt256(item.Hash);
        }
        return bytes;
    }

    public static bool TryParseInventory(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out List<InventoryItem>? items)
    {
        items = null;
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadCount(InventoryItem.Size, out var count) || count > InventoryItem.MaxCount) return false;
        var list = new List<InventoryItem>(count);
        for (var i = 0; i < count; i++)
        {
            reader.TryReadUInt32(out var type);
            reader.TryReadUInt256(out var hash);
            list.Add(new InventoryItem(type, hash));
        }
        if (reader.Remaining != 0) return false;
        items = list;
        return true;
    }

    public static byte[] GetHeaders(int version, IReadOnlyList<UInt256> locator, UInt256 stop)
    {
        var bytes = new byte[4 + BitcoinWriter.CompactSizeLength((ulong)locator.Count) + (locator.Count + 1) * UInt256.Size];
        var writer = new BitcoinWriter(bytes);
        writer.WriteInt32(version);
        writer.WriteCompactSize((ulong)locator.Count);
        foreach (var hash in locator) writer.WriteUInt256(hash);
        writer.WriteUInt256(stop);
        return bytes;
    }

    public static bool TryParseGetHeaders(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out List<UInt256>? locator, out UInt256 stop)
    {
        locator = null;
        stop = UInt256.Zero;
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadInt32(out _) || !reader.TryReadCount(UInt256.Size, out var count) || count > MaxLocator) return false;
        var list = new List<UInt256>(count);
        for (var i = 0; i < count; i++)
        {
            reader.TryReadUInt256(out var hash);
            list.Add(hash);
        }
        if (!reader.TryReadUInt256(out stop) || reader.Remaining != 0) return false;
        locator = list;
        return true;
    }

    /// <summary>A headers message: each header followed by a zero transaction count.</summary>
    public static byte[] Headers(IReadOnlyList<BlockHeader> headers)
    {
        var bytes = new byte[BitcoinWriter.CompactSizeLength((ulong)headers.Count) + headers.Count * (BlockHeader.Size + 1)];
        var writer = new BitcoinWriter(bytes);
        writer.WriteCompactSize((ulong)headers.Count);
        foreach (var header in headers)
        {
            header.WriteTo(ref writer);
            writer.WriteCompactSize(0);
        }
        return bytes;
    }

    public static bool TryParseHeaders(ReadOnlySpan<byte> payload, out ImmutableArray<BlockHeader> headers)
    {
        headers = [];
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadCount(BlockHeader.Size + 1, out var count) || count > MaxHeaders) return false;
        var builder = ImmutableArray.CreateBuilder<BlockHeader>(count);
        for (var i = 0; i < count; i++)
        {
            if (!BlockHeader.TryRead(ref reader, out var header) || !reader.TryReadCompactSize(out var txCount) || txCount != 0) return false;
            builder.Add(header);
        }
        if (reader.Remaining != 0) return false;
        headers = builder.MoveToImmutable();
        return true;
    }

    public static byte[] Nonce(ulong nonce)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, nonce);
        return bytes;
    }

    public static bool TryParseNonce(ReadOnlySpan<byte> payload, out ulong nonce)
    {
        var reader = new BitcoinReader(payload);
        return reader.TryReadUInt64(out nonce) && reader.Remaining == 0;
    }
}
