using System.Buffers.Binary;
using System.Text;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Node.P2P.Transport.V1;

/// <summary>
/// Bitcoin's v1 plaintext framing: 4-byte network magic, 12-byte NUL-padded command, 4-byte little-endian payload
/// length, 4-byte checksum (first bytes of SHA256d(payload)), payload. As Bitcoin Core: a payload larger than
/// <see cref="MaxMessagePayload"/>, a wrong magic, a malformed command or a bad checksum throws
/// <see cref="V1TransportException"/> and the connection must be dropped.
/// </summary>
public sealed class V1Transport : IP2PTransport
{
    /// <summary>Header size: magic + command + length + checksum.</summary>
    public const int HeaderSize = 24;

    /// <summary>Bytes of the command field.</summary>
    public const int CommandSize = 12;

    /// <summary>Largest payload (Bitcoin Core's MAX_PROTOCOL_MESSAGE_LENGTH).</summary>
    public const int MaxMessagePayload = 4_000_000;

    private readonly Stream _stream;
    private readonly byte[] _magic;
    private readonly byte[] _prefix;
    private int _prefixUsed;

    /// <summary>
    /// Wraps <paramref name="stream"/>; <paramref name="alreadyRead"/> are bytes the inbound v1/v2 detection consumed
    /// (they are read first).
    /// </summary>
    public V1Transport(Stream stream, ReadOnlySpan<byte> magic, byte[]? alreadyRead = null)
    {
        if (magic.Length != 4)
            throw new ArgumentException("The network magic is 4 bytes.", nameof(magic));
        _stream = stream;
        _magic = magic.ToArray();
        _prefix = alreadyRead ?? [];
    }

    /// <inheritdoc />
    public string ProtocolType => "v1";

    /// <summary>Frames one message (header + payload) into a new array.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> magic, string command, ReadOnlySpan<byte> payload)
    {
        if (command.Length is 0 or > CommandSize || command.Any(c => c is < (char)0x21 or > (char)0x7e))
            throw new ArgumentException($"Invalid P2P command '{command}'.", nameof(command));
        var frame = new byte[HeaderSize + payload.Length];
        magic.CopyTo(frame);
        Encoding.ASCII.GetBytes(command, frame.AsSpan(4, CommandSize));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(16), (uint)payload.Length);
        Span<byte> digest = stackalloc byte[32];
        Hashes.Sha256d(payload, digest);
        digest[..4].CopyTo(frame.AsSpan(20));
        payload.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <inheritdoc />
    public async Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxMessagePayload)
            throw new ArgumentException($"Payload of {payload.Length} bytes exceeds {MaxMessagePayload}.", nameof(payload));
        await _stream.WriteAsync(Frame(_magic, command, payload.Span), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<P2PMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        var got = await ReadFullyAsync(header, cancellationToken).ConfigureAwait(false);
        if (got == 0)
            return null;
        if (got < HeaderSize)
            throw new V1TransportException($"Connection closed inside a message header ({got} of {HeaderSize} bytes).");
        var command = ParseHeader(header, _magic, out var length);
        var payload = new byte[length];
        if (await ReadFullyAsync(payload, cancellationToken).ConfigureAwait(false) < length)
            throw new V1TransportException($"Connection closed inside the payload of '{command}'.");
        Span<byte> digest = stackalloc byte[32];
        Hashes.Sha256d(payload, digest);
        if (!digest[..4].SequenceEqual(header.AsSpan(20, 4)))
            throw new V1TransportException($"Bad checksum on '{command}' ({length} bytes).");
        return new P2PMessage(command, payload);
    }

    /// <summary>Validates a 24-byte header and returns its command; throws <see cref="V1TransportException"/> when invalid.</summary>
    public static string ParseHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic, out int length)
    {
        if (!header[..4].SequenceEqual(magic))
            throw new V1TransportException($"Wrong network magic {Convert.ToHexString(header[..4])}.");
        var field = header.Slice(4, CommandSize);
        var end = field.IndexOf((byte)0);
        if (end < 0)
            end = CommandSize;
        if (end == 0 || field[end..].ContainsAnyExcept((byte)0) || field[..end].ContainsAnyExceptInRange((byte)0x21, (byte)0x7e))
            throw new V1TransportException("Malformed command field.");
        var command = Encoding.ASCII.GetString(field[..end]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(16, 4));
        if (size > MaxMessagePayload)
            throw new V1TransportException($"Oversized '{command}' message: {size} bytes (max {MaxMessagePayload}).");
        length = (int)size;
        return command;
    }

    private async Task<int> ReadFullyAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length && _prefixUsed < _prefix.Length)
            buffer[filled++] = _prefix[_prefixUsed++];
        while (filled < buffer.Length)
        {
            var n = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                break;
            filled += n;
        }
        return filled;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
