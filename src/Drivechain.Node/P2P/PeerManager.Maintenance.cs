using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// The once-a-second maintenance loop: picks up what entered the mempool and trickles it to each peer (Core's
/// Poisson-timed inv: on average every 5 s inbound, 2 s outbound), pings every 2 minutes, and applies Core's
/// timeouts (no message in the first -peertimeout seconds, 20 minutes without sending or receiving, a ping
/// unanswered for 20 minutes); expires orphans.
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Core's PING_INTERVAL.</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromMinutes(2);

    /// <summary>Core's TIMEOUT_INTERVAL (idle connection and ping timeout).</summary>
    public static readonly TimeSpan TimeoutInterval = TimeSpan.FromMinutes(20);

    /// <summary>Core's INVENTORY_BROADCAST_MAX-like bound on one trickle.</summary>
    private const int MaxInventoryPerTrickle = 1000;

    private async Task MaintainAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a failed tick is logged and the next one runs: maintenance must never stop the node
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogTickFailed(log, e);
            }
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        if (node.IsLoaded) CollectMempool();
        if (node.IsLoaded) await SyncTickAsync(now).ConfigureAwait(false);
        foreach (var peer in _peers.Values)
        {
            if (InactivityReason(peer, now) is { } reason)
            {
                LogTimeout(log, peer.Id, reason);
                peer.Disconnect(reason);
                continue;
            }
            if (!peer.Established) continue;
            await MaybePingAsync(peer, now).ConfigureAwait(false);
            await TrickleAsync(peer, now).ConfigureAwait(false);
        }
        _orphans.Limit(now, Random.Shared);
        foreach (var (hash, at) in _txRequested)
            if (now - at > TxRequestTimeout) _txRequested.TryRemove(hash, out _);
    }

    /// <summary>Core's InactivityCheck plus the ping timeout; null while the peer is fine.</summary>
    private string? InactivityReason(Peer peer, DateTimeOffset now)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.PeerTimeout);
        if (now - peer.ConnectedAt < timeout) return null;
        if (!peer.HasSent || !peer.HasReceived) return $"socket no message in first {options.Value.PeerTimeout} seconds";
        if (now - peer.LastSend > TimeoutInterval) return "socket sending timeout";
        if (now - peer.LastReceive > TimeoutInterval) return "socket receive timeout";
        if (!peer.Established && now - peer.ConnectedAt > HandshakeTimeout) return "version handshake timeout";
        if (peer.PingNonce != 0 && now - peer.PingStart > TimeoutInterval) return "ping timeout";
        return null;
    }

    private async Task MaybePingAsync(Peer peer, DateTimeOffset now)
    {
        if (peer.PingNonce != 0 || (!peer.PingRequested && now - peer.PingStart < PingInterval)) return;
        var nonce = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8)) | 1;
        peer.PingRequested = false;
        peer.PingNonce = nonce;
        peer.PingStart = now;
        await peer.SendAsync("ping", Messages.P2PPayloads.Nonce(nonce)).ConfigureAwait(false);
    }

    private void OnPong(Peer peer, ulong nonce)
    {
        if (nonce == 0 || nonce != peer.PingNonce) return;   // unsolicited or stale: ignored, as Core
        var roundTrip = clock.GetUtcNow() - peer.PingStart;
        peer.LastPing = roundTrip;
        peer.MinPing = peer.MinPing is { } min && min < roundTrip ? min : roundTrip;
        peer.PingNonce = 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "P2P maintenance failed; continuing")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} timed out: {Reason}; disconnecting")]
    private static partial void LogTimeout(ILogger logger, long peerId, string reason);
}
