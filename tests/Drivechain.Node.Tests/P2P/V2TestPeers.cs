using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Drivechain.Node.P2P.Transport.V2;

namespace Drivechain.Node.Tests.P2P;

/// <summary>Helpers of the BIP324 tests: loopback socket pairs, a bit-flipping stream, and minimal v1/version messages.</summary>
internal static class V2TestPeers
{
    public static readonly byte[] RegtestMagic = [0xfa, 0xbf, 0xb5, 0xda];

    /// <summary>A connected loopback TCP pair (client, server side).</summary>
    public static async Task<(TcpClient Client, TcpClient Server)> SocketPairAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var client = new TcpClient();
            var accept = listener.AcceptTcpClientAsync();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            return (client, await accept);
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Two v2 transports that completed the handshake with each other over loopback.</summary>
    public static async Task<V2TestSession> SessionPairAsync(
        Func<Stream, Stream>? wrapInitiatorStream = null)
    {
        var (client, server) = await SocketPairAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = wrapInitiatorStream?.Invoke(client.GetStream()) ?? client.GetStream();
        var connect = V2Transport.ConnectAsync(stream, RegtestMagic, timeout.Token);
        var detection = await V2InboundDetection.DetectAsync(server.GetStream(), RegtestMagic, timeout.Token);
        detection.IsV1.Should().BeFalse();
        var accept = V2Transport.AcceptAsync(server.GetStream(), RegtestMagic, detection.Prefix, timeout.Token);
        return new V2TestSession(await connect, await accept, client, server);
    }

    /// <summary>A v1 "version" payload (protocol 70016, NODE_NETWORK|NODE_WITNESS).</summary>
    public static byte[] VersionPayload()
    {
        var ua = Encoding.ASCII.GetBytes("/Drivechain.NET-test:0.1/");
        using var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        w.Write(70016);
        w.Write(9UL);
        w.Write(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        for (var i = 0; i < 2; i++)
        {
            w.Write(0UL);
            w.Write(new byte[16]);
            w.Write((ushort)0);
        }
        w.Write(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)));
        w.Write((byte)ua.Length);
        w.Write(ua);
        w.Write(0);
        w.Write((byte)1);
        w.Flush();
        return ms.ToArray();
    }

    /// <summary>A getdata payload for one witness block (hash in RPC hex).</summary>
    public static byte[] GetDataWitnessBlock(string blockHashHex)
    {
        var payload = new byte[1 + 4 + 32];
        payload[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(1), 0x40000002);
        var hash = Convert.FromHexString(blockHashHex);
        Array.Reverse(hash);
        hash.CopyTo(payload, 5);
        return payload;
    }

    /// <summary>The RPC hex hash of a serialized block (double SHA-256 of its 80-byte header, reversed).</summary>
    public static string BlockHash(byte[] block)
    {
        var hash = SHA256.HashData(SHA256.HashData(block.AsSpan(0, 80)));
        Array.Reverse(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes one v1 message (magic, command, length, checksum, payload).</summary>
    public static async Task SendV1Async(Stream stream, string command, byte[] payload)
    {
        var header = new byte[24];
        RegtestMagic.CopyTo(header, 0);
        Encoding.ASCII.GetBytes(command).CopyTo(header, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)payload.Length);
        SHA256.HashData(SHA256.HashData(payload)).AsSpan(0, 4).CopyTo(header.AsSpan(20));
        await stream.WriteAsync(header);
        await stream.WriteAsync(payload);
    }

    /// <summary>Reads one v1 message header and payload; returns the command.</summary>
    public static async Task<string> ReceiveV1Async(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[24];
        await stream.ReadExactlyAsync(header, cancellationToken);
        header.AsSpan(0, 4).ToArray().Should().Equal(RegtestMagic);
        var payload = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16))];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return Encoding.ASCII.GetString(header, 4, 12).TrimEnd('\0');
    }
}

/// <summary>Both ends of a completed v2 session and their sockets, disposed together.</summary>
internal sealed record V2TestSession(V2Transport Initiator, V2Transport Responder, TcpClient Client, TcpClient Server) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Initiator.DisposeAsync();
        await Responder.DisposeAsync();
        Client.Dispose();
        Server.Dispose();
    }
}

/// <summary>A stream that flips the last bit of every write once <see cref="Tamper"/> is set.</summary>
internal sealed class V2TamperingStream(Stream inner) : Stream
{
    public bool Tamper { get; set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Tamper || buffer.IsEmpty)
            return inner.WriteAsync(buffer, cancellationToken);
        var copy = buffer.ToArray();
        copy[^1] ^= 1;
        return inner.WriteAsync(copy, cancellationToken);
    }
}
