using System.Buffers;
using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto.Bip324;

namespace Drivechain.Node.P2P.Transport.V2;

/// <summary>
/// A BIP324 v2 encrypted P2P session over a stream: the handshake (ElligatorSwift keys, up to 4095 bytes of random
/// garbage, garbage terminators, version packets) as initiator (<see cref="ConnectAsync"/>) or responder
/// (<see cref="AcceptAsync"/>), then messages as encrypted packets with BIP324 short message type ids. Decoy
/// packets (ignore bit) are skipped; messages with an unknown type are skipped as Bitcoin Core does; a bad MAC,
/// a missing garbage terminator or an oversized packet throws <see cref="V2TransportException"/>: the connection
/// must be dropped. One sender and one receiver may run concurrently; not more.
/// </summary>
public sealed class V2Transport : IAsyncDisposable
{
    /// <summary>Most garbage either side may send before its terminator.</summary>
    public const int MaxGarbageLength = 4095;

    /// <summary>Largest message payload (Bitcoin Core's MAX_PROTOCOL_MESSAGE_LENGTH).</summary>
    public const int MaxMessagePayload = 4_000_000;

    /// <summary>Largest packet contents accepted: type (up to 13 bytes) + payload.</summary>
    public const int MaxContentsLength = 1 + Bip324MessageTypes.CommandSize + MaxMessagePayload;

    private readonly Stream _stream;
    private readonly Bip324Cipher _cipher;
    private readonly byte[] _readBuffer = new byte[16 * 1024];
    private readonly byte[] _lengthField = new byte[Bip324Cipher.LengthSize];
    private int _readStart, _readEnd;
    private byte[] _receiveAad = [];

    private V2Transport(Stream stream, Bip324Cipher cipher)
    {
        _stream = stream;
        _cipher = cipher;
    }

    /// <summary>The 32-byte session id (Bitcoin Core's getpeerinfo "session_id").</summary>
    public ReadOnlySpan<byte> SessionId => _cipher.SessionId;

    /// <summary>Runs the initiator side of the handshake. Throws <see cref="V2TransportException"/> on failure.</summary>
    public static Task<V2Transport> ConnectAsync(Stream stream, ReadOnlyMemory<byte> magic, CancellationToken cancellationToken) =>
        HandshakeAsync(stream, magic, initiator: true, [], Bip324Cipher.CreateRandom(), cancellationToken);

    /// <summary>
    /// Runs the responder side; <paramref name="alreadyRead"/> are the bytes <see cref="V2InboundDetection"/>
    /// consumed (the start of the initiator's key).
    /// </summary>
    public static Task<V2Transport> AcceptAsync(Stream stream, ReadOnlyMemory<byte> magic, byte[] alreadyRead, CancellationToken cancellationToken) =>
        HandshakeAsync(stream, magic, initiator: false, alreadyRead, Bip324Cipher.CreateRandom(), cancellationToken);

    internal static async Task<V2Transport> HandshakeAsync(Stream stream, ReadOnlyMemory<byte> magic, bool initiator,
        byte[] alreadyRead, Bip324Cipher cipher, CancellationToken cancellationToken)
    {
        var transport = new V2Transport(stream, cipher);
        try
        {
            alreadyRead.CopyTo(transport._readBuffer, 0);
            transport._readEnd = alreadyRead.Length;
            var garbage = new byte[RandomNumberGenerator.GetInt32(MaxGarbageLength + 1)];
            RandomNumberGenerator.Fill(garbage);
            if (initiator)
                await stream.WriteAsync(Concat(cipher.OurEncoding, garbage), cancellationToken).ConfigureAwait(false);

            var theirKey = new byte[ElligatorSwift.EncodingSize];
            int got;
            try
            {
                got = await transport.ReadAsMuchAsAsync(theirKey, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // A reset instead of a clean close: still "nothing received", so still a v1 candidate.
                throw new V2TransportException($"The connection failed before the peer's key: {e.Message}", retryAsV1: initiator, e);
            }
            if (got < theirKey.Length)
                throw new V2TransportException(
                    $"The peer closed the connection after {got} bytes of its key.", retryAsV1: initiator && got == 0);
            if (!initiator && theirKey.AsSpan(0, 16).SequenceEqual(V2InboundDetection.V1Prefix(magic.Span)))
                throw new V2TransportException("The peer sent a v1 version message; detect v1 before accepting v2.");
            if (!cipher.Initialize(theirKey, initiator, magic.Span))
                throw new V2TransportException("The BIP324 key exchange failed.");

            // Our garbage terminator and version packet (contents empty; the garbage we sent is its AAD).
            var versionPacket = new byte[Bip324Cipher.Expansion];
            cipher.Encrypt([], garbage, ignore: false, versionPacket);
            var prefix = initiator ? [] : Concat(cipher.OurEncoding, garbage);
            await stream.WriteAsync(Concat(prefix, cipher.SendGarbageTerminator, versionPacket), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

            transport._receiveAad = await transport.ReadGarbageAsync(cancellationToken).ConfigureAwait(false);
            // The peer's version packet: the first packet that is not a decoy; its contents are reserved and ignored.
            while (await transport.ReceivePacketAsync(cancellationToken).ConfigureAwait(false) is { Ignore: true })
            {
            }
            return transport;
        }
        catch (Exception e) when (e is not V2TransportException and not OperationCanceledException)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw new V2TransportException($"BIP324 handshake failed: {e.Message}", inner: e);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static byte[] Concat(params ReadOnlySpan<byte[]> parts)
    {
        var total = 0;
        foreach (var p in parts)
            total += p.Length;
        var result = new byte[total];
        var offset = 0;
        foreach (var p in parts)
        {
            p.CopyTo(result, offset);
            offset += p.Length;
        }
        return result;
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => [.. a, .. b];

    private static byte[] Concat(byte[] a, ReadOnlySpan<byte> b, byte[] c) => [.. a, .. b, .. c];

    /// <summary>Reads the peer's garbage up to and including its terminator; returns the garbage.</summary>
    private async Task<byte[]> ReadGarbageAsync(CancellationToken cancellationToken)
    {
        var terminator = _cipher.ReceiveGarbageTerminator.ToArray();
        var seen = new byte[MaxGarbageLength + Bip324Cipher.GarbageTerminatorSize];
        var length = 0;
        while (length < seen.Length)
        {
            if (await ReadAsMuchAsAsync(seen.AsMemory(length, 1), cancellationToken).ConfigureAwait(false) == 0)
                throw new V2TransportException("The peer closed the connection inside its garbage.");
            length++;
            if (length >= terminator.Length && seen.AsSpan(length - terminator.Length, terminator.Length).SequenceEqual(terminator))
                return seen[..(length - terminator.Length)];
        }
        throw new V2TransportException("No garbage terminator within 4095 bytes of garbage.");
    }

    /// <summary>Encrypts and writes one message.</summary>
    public Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxMessagePayload)
            throw new ArgumentException("The payload is over 4,000,000 bytes.", nameof(payload));
        return SendPacketAsync(command, payload, ignore: false, cancellationToken);
    }

    /// <summary>Writes a decoy packet of <paramref name="length"/> random bytes (ignore bit set; the peer drops it).</summary>
    public Task SendDecoyAsync(int length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxContentsLength);
        return SendPacketAsync(null, RandomNumberGenerator.GetBytes(length), ignore: true, cancellationToken);
    }

    private async Task SendPacketAsync(string? command, ReadOnlyMemory<byte> payload, bool ignore, CancellationToken cancellationToken)
    {
        var typeSize = command is null ? 0 : Bip324MessageTypes.EncodedSize(command);
        var contentsLength = typeSize + payload.Length;
        var contents = ArrayPool<byte>.Shared.Rent(contentsLength);
        var packet = ArrayPool<byte>.Shared.Rent(contentsLength + Bip324Cipher.Expansion);
        try
        {
            if (command is not null)
                Bip324MessageTypes.Encode(command, contents);
            payload.Span.CopyTo(contents.AsSpan(typeSize));
            _cipher.Encrypt(contents.AsSpan(0, contentsLength), [], ignore, packet.AsSpan(0, contentsLength + Bip324Cipher.Expansion));
            await _stream.WriteAsync(packet.AsMemory(0, contentsLength + Bip324Cipher.Expansion), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(contents);
            ArrayPool<byte>.Shared.Return(packet);
        }
    }

    /// <summary>
    /// Reads the next message, skipping decoys and messages of unknown type; null when the peer closed the
    /// connection cleanly between packets.
    /// </summary>
    public async Task<V2Message?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var packet = await ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
            if (packet is null)
                return null;
            if (packet.Value.Message is { } message)
                return message;
        }
    }

    private readonly record struct Packet(bool Ignore, V2Message? Message);

    /// <summary>The next packet: whether it is a decoy, and its message (none for a decoy, the version packet or a type we do not know).</summary>
    private async Task<Packet?> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        var got = await ReadAsMuchAsAsync(_lengthField, cancellationToken).ConfigureAwait(false);
        if (got == 0)
            return null;
        if (got < _lengthField.Length)
            throw new V2TransportException("The peer closed the connection inside a packet length.");
        var length = _cipher.DecryptLength(_lengthField);
        if (length > MaxContentsLength)
            throw new V2TransportException($"Packet of {length} bytes is over the limit of {MaxContentsLength}.");
        // Ciphertext and plaintext go through pooled buffers; only the payload handed to the caller is allocated.
        var bodyLength = length + Bip324Cipher.HeaderSize + FSChaCha20Poly1305.TagSize;
        var body = ArrayPool<byte>.Shared.Rent(bodyLength);
        var contents = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (await ReadAsMuchAsAsync(body.AsMemory(0, bodyLength), cancellationToken).ConfigureAwait(false) < bodyLength)
                throw new V2TransportException("The peer closed the connection inside a packet.");
            var aad = _receiveAad;
            _receiveAad = [];
            if (!_cipher.Decrypt(body.AsSpan(0, bodyLength), aad, out var ignore, contents.AsSpan(0, length)))
                throw new V2TransportException("Packet authentication failed (bad MAC).");
            if (ignore || !Bip324MessageTypes.TryDecode(contents.AsSpan(0, length), out var command, out var consumed))
                return new Packet(ignore, null);
            return new Packet(false, new V2Message(command, contents.AsSpan(consumed, length - consumed).ToArray()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
            ArrayPool<byte>.Shared.Return(contents);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> unless the stream ends first; returns the bytes read.</summary>
    private async ValueTask<int> ReadAsMuchAsAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            if (_readStart == _readEnd)
            {
                _readStart = 0;
                _readEnd = await _stream.ReadAsync(_readBuffer, cancellationToken).ConfigureAwait(false);
                if (_readEnd == 0)
                    return filled;
            }
            var n = Math.Min(buffer.Length - filled, _readEnd - _readStart);
            _readBuffer.AsMemory(_readStart, n).CopyTo(buffer[filled..]);
            _readStart += n;
            filled += n;
        }
        return filled;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _cipher.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A received message: its command and payload.</summary>
public sealed record V2Message(string Command, byte[] Payload);
