using System.Buffers.Binary;
using Drivechain.Bitcoin.Primitives;
using Microsoft.Win32.SafeHandles;

namespace Drivechain.Node.Storage;

/// <summary>
/// Reads the records of a block file in Core's layout (network magic, 4-byte little-endian length, serialized block),
/// ours or Bitcoin Core's own <c>blk*.dat</c>. A record whose magic, length or bytes are wrong (a write cut short by a
/// crash, garbage between records) is skipped by searching for the next magic, as Core's <c>LoadExternalBlockFile</c>
/// does.
/// </summary>
internal static class BlockRecordScanner
{
    /// <summary>Every parseable block of <paramref name="handle"/>, with the offset and size of its bytes.</summary>
    public static IEnumerable<(long Offset, int Size, Block Block)> Scan(SafeFileHandle handle, uint magic)
    {
        long length = RandomAccess.GetLength(handle);
        long offset = 0;
        var prefix = new byte[8];
        while (offset + 8 <= length)
        {
            RandomAccess.Read(handle, prefix, offset);
            int size = BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(4));
            if (BinaryPrimitives.ReadUInt32LittleEndian(prefix) == magic && size >= 80 && size <= length - offset - 8)
            {
                var bytes = new byte[size];
                if (RandomAccess.Read(handle, bytes, offset + 8) == size && Block.TryParse(bytes, out var block, out _))
                {
                    yield return (offset + 8, size, block);
                    offset += 8 + size;
                    continue;
                }
            }
            offset = FindMagic(handle, magic, offset + 1, length);
        }
    }

    private static long FindMagic(SafeFileHandle handle, uint magicValue, long from, long length)
    {
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, magicValue);
        var buffer = new byte[64 * 1024];
        while (from + 4 <= length)
        {
            int n = RandomAccess.Read(handle, buffer, from);
            int at = buffer.AsSpan(0, n).IndexOf(magic);
            if (at >= 0) return from + at;
            if (n < 4) break;
            from += n - 3;
        }
        return length;
    }
}
