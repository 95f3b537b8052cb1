using System.Diagnostics.CodeAnalysis;
using System.Text;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Messages;

/// <summary>The "version" message (the fields this node uses; the two network addresses are sent empty).</summary>
public sealed record VersionMessage(int Version, ulong Services, long Timestamp, ulong Nonce, string UserAgent, int StartHeight, bool Relay)
{
    /// <summary>Core's MAX_SUBVERSION_LENGTH.</summary>
    public const int MaxUserAgentLength = 256;

    private const int AddressSize = 8 + 16 + 2;

    public byte[] ToBytes()
    {
        var agent = Encoding.ASCII.GetBytes(UserAgent);
        var bytes = new byte[4 + 8 + 8 + 2 * AddressSize + 8 + BitcoinWriter.VarBytesLength(agent.Length) + 4 + 1];
        var writer = new BitcoinWriter(bytes);
        writer.WriteInt32(Version);
        writer.WriteUInt64(Services);
        writer.WriteInt64(Timestamp);
        writer.WriteBytes(new byte[2 * AddressSize]);
        writer.WriteUInt64(Nonce);
        writer.WriteVarBytes(agent);
        writer.WriteInt32(StartHeight);
        writer.WriteByte(Relay ? (byte)1 : (byte)0);
        return bytes;
    }

    /// <summary>Parses a version payload; the fields after the user agent are optional, as in Core.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out VersionMessage? message)
    {
        message = null;
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadInt32(out var version) || !reader.TryReadUInt64(out var services) || !reader.TryReadInt64(out var timestamp)
            || !reader.TryReadBytes(AddressSize, out _))
            return false;
        ulong nonce = 0;
        var agent = "";
        int startHeight = 0;
        bool relay = true;
        if (reader.Remaining > 0)
        {
            if (!reader.TryReadBytes(AddressSize, out _) || !reader.TryReadUInt64(out nonce) || !reader.TryReadVarBytes(out var agentBytes)
                || agentBytes.Length > MaxUserAgentLength)
                return false;
            agent = Encoding.ASCII.GetString(agentBytes);
            if (reader.Remaining > 0 && !reader.TryReadInt32(out startHeight)) return false;
            if (reader.Remaining > 0 && reader.TryReadByte(out var relayByte)) relay = relayByte != 0;
        }
        message = new VersionMessage(version, services, timestamp, nonce, agent, startHeight, relay);
        return true;
    }
}
