using System.Net.Sockets;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;
using Drivechain.Node.P2P.Transport.V1;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// A peer scripted by a test over a raw loopback <see cref="TcpClient"/> speaking v1: it can run the handshake, send
/// well-formed messages or raw bytes, read what the node sends, and tell whether the node closed the connection.
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TcpClient _client;
    private readonly V1Transport _transport;

    private ScriptedPeer(TcpClient client)
    {
        _client = client;
        _transport = new V1Transport(client.GetStream(), V2TestPeers.RegtestMagic, []);
    }

    public static async Task<ScriptedPeer> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        return new ScriptedPeer(client);
    }

    /// <summary>Sends version and verack, and reads until the node's verack.</summary>
    public async Task HandshakeAsync(bool relay = true)
    {
        var version = new VersionMessage(70016, 9, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 42, "/scripted:0.1/", 0, relay);
        await SendAsync("version", version.ToBytes());
        await SendAsync("wtxidrelay", []);
        await SendAsync("verack", []);
        await ReceiveUntilAsync("verack");
    }

    public Task SendAsync(string command, byte[] payload) => _transport.SendAsync(command, payload, CancellationToken.None);

    public Task SendRawAsync(byte[] bytes) => _client.GetStream().WriteAsync(bytes).AsTask();

    /// <summary>Reads messages until one with <paramref name="command"/> arrives (and, when given, matches); returns it.</summary>
    public async Task<PeerMessage> ReceiveUntilAsync(string command, Func<PeerMessage, bool>? match = null, bool anyCommand = false)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await _transport.ReceiveAsync(cts.Token) ?? throw new IOException($"closed while waiting for '{command}'");
            if ((anyCommand || message.Command == command) && (match is null || match(message))) return message;
            if (message.Command == "ping") await SendAsync("pong", message.Payload);
        }
    }

    /// <summary>Reads messages until one of <paramref name="commands"/> arrives; returns it.</summary>
    public Task<PeerMessage> ReceiveFirstAsync(params string[] commands) =>
        ReceiveUntilAsync(commands[0], m => commands.Contains(m.Command), anyCommand: true);

    /// <summary>True when the node closes the connection (reads reach the end, or fail) within the timeout.</summary>
    public async Task<bool> IsClosedByNodeAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[65536];
        try
        {
            while (await _client.GetStream().ReadAsync(buffer, cts.Token) > 0)
            {
                // Drain whatever the node sent before closing.
            }
            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
