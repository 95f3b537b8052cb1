using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Messages;

/// <summary>BIP152 <c>sendcmpct</c>: whether the sender wants new blocks pushed as cmpctblock (high bandwidth), and the compact block version.</summary>
public readonly record struct SendCompact(bool HighBandwidth, ulong Version)
{
    /// <summary>BIP152 version 2: short ids over wtxids, witness transactions.</summary>
    public const ulong WitnessVersion = 2;

    public byte[] ToBytes()
    {
        var bytes = new byte[9];
        var writer = new BitcoinWriter(bytes);
        writer.WriteByte(HighBandwidth ? (byte)1 : (byte)0);
        writer.WriteUInt64(Version);
        return bytes;
    }

    public static bool TryParse(ReadOnlySpan<byte> payload, out SendCompact message)
    {
        message = default;
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadByte(out var announce) || !reader.TryReadUInt64(out var version) || reader.Remaining != 0) return false;
        message = new SendCompact(announce != 0, version);
        return true;
    }
}
