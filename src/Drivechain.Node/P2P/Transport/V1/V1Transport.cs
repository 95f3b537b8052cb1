using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Drivechain.Node.P2P.Transport.V1;

/// <summary>
/// The v1 framing: 24-byte header (network magic, 12-byte NUL-padded command, payload length, first 4 bytes of the
/// double SHA-256 of the payload) and the payload, at most 4,000,000 bytes as in Core. Wrong magic, a bad checksum,
/// an oversized length or a malformed command throw <see cref="PeerTransportException"/>.
/// </summary>
public sealed class V1Transport(Stream stream, ReadOnlyMemory<byte> magic, byte[] alreadyRead) : IPeerTransport
{
    public const int HeaderSize = 24;
    public const int CommandSize = 12;
    public const int MaxMessagePayload = 4_000_000;

    private readonly byte[] _magic = magic.ToArray();
    private byte[] _prefix = alreadyRead;

    public string Type => "v1";

    public string SessionId => "";

    public int FramedSize(string command, int payloadLength) => HeaderSize + payloadLength;

    public Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxMessagePayload)
            throw new ArgumentException("The payload is over 4,000,000 bytes.", nameof(payload));
        var bytes = Encoding.ASCII.GetBytes(command);
        if (bytes.Length > CommandSize) throw new ArgumentException("The command is over 12 characters.", nameof(command));
        var message = new byte[HeaderSize + payload.Length];
        _magic.CopyTo(message, 0);
        bytes.CopyTo(message, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(16), (uint)payload.Length);
        Checksum(payload.Span).CopyTo(message.AsSpan(20));
        payload.Span.CopyTo(message.AsSpan(HeaderSize));
        return stream.WriteAsync(message, cancellationToken).AsTask();
    }

    public async Task<PeerMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        var got = await FillAsync(header, cancellationToken).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < HeaderSize) throw new PeerTransportException("The peer closed the connection inside a message header.");
        if (!header.AsSpan(0, 4).SequenceEqual(_magic)) throw new PeerTransportException("Wrong network magic.");
        if (!TryDecodeCommand(header.AsSpan(4, CommandSize), out var command))
            throw new PeerTransportException("Malformed command in a message header.");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
        if (length > MaxMessagePayload)
            throw new PeerTransportException($"Message '{command}' of {length} bytes is over the limit of {MaxMessagePayload}.");
        var payload = new byte[length];
        if (await FillAsync(payload, cancellationToken).ConfigureAwait(false) < payload.Length)
            throw new PeerTransportException("The peer closed the connection inside a message.");
        if (!header.AsSpan(20, 4).SequenceEqual(Checksum(payload)))
            throw new PeerTransportException($"Bad checksum on message '{command}'.");
        return new PeerMessage(command, payload);
    }

    /// <summary>Core's rule: printable ASCII, then only NUL padding.</summary>
    internal static bool TryDecodeCommand(ReadOnlySpan<byte> field, out string command)
    {
        var end = field.IndexOf((byte)0);
        if (end < 0) end = field.Length;
        command = "";
        if (end == 0 || field[end..].ContainsAnyExcept((byte)0)) return false;
        foreach (var b in field[..end]) if (b < 0x20 || b > 0x7e) return false;
        command = Encoding.ASCII.GetString(field[..end]);
        return true;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> payload) => SHA256.HashData(SHA256.HashData(payload))[..4];

    private async Task<int> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        if (_prefix.Length > 0)
        {
            var n = Math.Min(_prefix.Length, buffer.Length);
            _prefix.AsMemory(0, n).CopyTo(buffer);
            _prefix = _prefix[n..];
            filled = n;
        }
        while (filled < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            filled += n;
        }
        return filled;
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
