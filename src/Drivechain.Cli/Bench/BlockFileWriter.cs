using System.Buffers.Binary;
using Drivechain.Bitcoin.Networks;
using Drivechain.Cli.Replay;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Cli.Bench;

/// <summary>Writes a vector's blocks as one block file in Core's layout (magic, length, block), for <c>-loadblock</c>.</summary>
internal static class BlockFileWriter
{
    /// <summary>Writes every block of <paramref name="vector"/>, in order, to <paramref name="path"/>.</summary>
    public static void Write(VectorFile vector, string path)
    {
        var magic = Network.FromName(vector.Params.Network).MessageStart;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Span<byte> length = stackalloc byte[4];
        foreach (var block in vector.Blocks)
        {
            stream.Write(magic.AsSpan());
            BinaryPrimitives.WriteInt32LittleEndian(length, block.Bytes.Length);
            stream.Write(length);
            stream.Write(block.Bytes.Span);
        }
    }
}
