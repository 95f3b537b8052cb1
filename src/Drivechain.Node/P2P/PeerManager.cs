using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Drivechain.Bitcoin.Networks;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;
using Drivechain.Node.P2P.Transport;
using Drivechain.Node.P2P.Transport.V1;
using Drivechain.Node.P2P.Transport.V2;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.P2P;

/// <summary>
/// The P2P layer (docs/p2p.md): listens on <c>-bind</c>/<c>-port</c> when <c>-listen</c>, keeps one connection to each
/// <c>-connect</c>/<c>-addnode</c> peer (reconnecting after a drop), negotiates v2 (BIP324) or v1 framing, runs
/// version/verack, syncs blocks headers-first from every peer, serves headers and blocks, announces each new tip from the
/// tip-change stream, relays transactions through the mempool, and defends itself (bans, discouragement, connection
/// limits, timeouts).
/// </summary>
public sealed partial class PeerManager(
    IOptions<NodeOptions> options,
    NodeChain node,
    BlockMiner miner,
    NodeMempool mempool,
    NodeReadiness readiness,
    Network network,
    TimeProvider clock,
    ILogger<PeerManager> log) : BackgroundService
{
    /// <summary>NODE_NETWORK | NODE_WITNESS.</summary>
    public const ulong LocalServices = 1 | 8;

    /// <summary>Core's MIN_PEER_PROTO_VERSION.</summary>
    public const int MinPeerProtocolVersion = 31800;

    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<long, Peer> _peers = new();
    private readonly byte[] _magic = [.. network.MessageStart];
    private readonly ulong _localNonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private readonly List<TcpListener> _listeners = [];
    private long _nextPeerId;
    private int _negotiatingInbound;   // accepted sockets still negotiating their transport: they count against the inbound slots
    private CancellationToken _stopping;

    /// <summary>Manual bans and discouraged addresses (banlist.json in the chain's data directory).</summary>
    public BanList Bans { get; } = new(Path.Combine(options.Value.ChainDataDirectory, "banlist.json"), clock);

    /// <summary>Bytes over every connection since start-up (getnettotals).</summary>
    public NetTotals Totals { get; } = new();

    /// <summary>Core's m_max_inbound: -maxconnections less the 11 automatic outbound slots (8 full-relay, 2 block-relay, 1 feeler).</summary>
    public int MaxInbound => Math.Max(0, options.Value.MaxConnections - 11);

    /// <summary>The connected peers (handshake complete or not), by id.</summary>
    public IReadOnlyCollection<Peer> Peers => [.. _peers.Values.OrderBy(p => p.Id)];

    /// <summary>The addresses the node listens on (empty with <c>-listen=0</c>).</summary>
    public IReadOnlyList<IPEndPoint> ListenEndPoints { get; private set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _stopping = stoppingToken;
            await readiness.WhenReady.WaitAsync(stoppingToken).ConfigureAwait(false);
            if (Bans.Load() is { } error) LogBanListUnreadable(log, Bans.Path, error);
            var tasks = new List<Task> { AnnounceTipsAsync(stoppingToken), MaintainAsync(stoppingToken), RunAddressesAsync(stoppingToken) };
            var o = options.Value;
            if (o.EffectiveListen) tasks.AddRange(StartListeners(o).Select(l => AcceptLoopAsync(l, stoppingToken)));
            foreach (var target in o.Connect) tasks.Add(ConnectLoopAsync(target, "manual", stoppingToken));
            foreach (var target in o.AddNode) AddNode(target);
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var listener in _listeners) listener.Stop();
            foreach (var peer in _peers.Values) peer.Disconnect();
        }
    }

    private List<TcpListener> StartListeners(NodeOptions o)
    {
        var port = o.EffectiveP2pPort;
        var endPoints = o.Bind.Count == 0 && o.WhiteBind.Count == 0
            ? [new IPEndPoint(IPAddress.IPv6Any, port)]
            : o.Bind.Select(b => PeerEndpoints.TryParseBind(b, port, out var e) ? e : throw new InvalidOperationException($"invalid bind {b}"))
                .Concat(WhiteBindEndPoints).ToList();
        var bound = new List<IPEndPoint>();
        foreach (var endPoint in endPoints)
        {
            var listener = new TcpListener(endPoint);
            if (endPoint.Address.Equals(IPAddress.IPv6Any)) listener.Server.DualMode = true;
            try
            {
                listener.Start();
            }
            catch (SocketException e)
            {
                // Core stops here; the node keeps running without inbound connections and says so.
                LogBindFailed(log, endPoint, e.Message);
                continue;
            }
            _listeners.Add(listener);
            bound.Add((IPEndPoint)listener.LocalEndpoint);
            LogListening(log, (IPEndPoint)listener.LocalEndpoint);
        }
        ListenEndPoints = bound;
        return [.. _listeners];
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            IPEndPoint remote;
            try
            {
                socket = await listener.AcceptSocketAsync(stoppingToken).ConfigureAwait(false);
                remote = (IPEndPoint)socket.RemoteEndPoint!;   // throws when the connection is already gone
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException && !stoppingToken.IsCancellationRequested)
            {
                LogAcceptFailed(log, e.Message);
                continue;
            }
            if (RefuseInbound(remote, socket.LocalEndPoint) is { } refusal)
            {
                LogInboundRefused(log, remote, refusal);
                socket.Dispose();
                continue;
            }
            socket.NoDelay = true;   // as Core (TCP_NODELAY)
            Interlocked.Increment(ref _negotiatingInbound);
            _ = Task.Run(() => AcceptPeerAsync(socket, remote, stoppingToken), CancellationToken.None);
        }
    }

    private async Task AcceptPeerAsync(Socket socket, IPEndPoint remote, CancellationToken stoppingToken)
    {
        var stream = new CountingStream(new NetworkStream(socket, ownsSocket: true), Totals);
        IPeerTransport transport;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Min(HandshakeTimeout.TotalSeconds, options.Value.PeerTimeout)));   // Core's -peertimeout
            var result = await V2Negotiation.AcceptAsync(stream, _magic, options.Value.V2Transport, timeout.Token).ConfigureAwait(false);
            transport = result.V2 is { } v2 ? new V2PeerTransport(v2, stream) : new V1Transport(stream, _magic, result.V1Prefix);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or V2TransportException or SocketException or ObjectDisposedException)
        {
            LogTransportFailed(log, remote, e.Message);
            await stream.DisposeAsync().ConfigureAwait(false);
            return;
        }
        finally
        {
            Interlocked.Decrement(ref _negotiatingInbound);
        }
        await RunPeerAsync(transport, stream, remote, socket.LocalEndPoint, null, "inbound", stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Keeps one connection to <paramref name="target"/> (reconnecting after a drop) until <paramref name="stoppingToken"/> is cancelled.</summary>
    private async Task ConnectLoopAsync(string target, string connectionType, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // The connection lives on the node's token: removing an added node stops reconnecting, not the open connection (Core).
            if (NetworkActive) await ConnectOnceAsync(target, connectionType, _stopping).ConfigureAwait(false);
            await Task.Delay(ReconnectDelay, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ConnectOnceAsync(string target, string connectionType, CancellationToken stoppingToken, bool quiet = false)
    {
        if (!PeerEndpoints.TrySplit(target, options.Value.EffectiveP2pPort == 0 ? network.DefaultPort : options.Value.EffectiveP2pPort, out var host, out var port))
            return;
        Socket? socket = null;
        CountingStream? counted = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(HandshakeTimeout);
            var result = await V2Negotiation.ConnectAsync(async ct =>
            {
                socket?.Dispose();
                socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };   // Core sets TCP_NODELAY: small getdata/inv go out at once
                if (IPAddress.TryParse(host, out var address))
                {
                    await socket.ConnectAsync(new IPEndPoint(address, port), ct).ConfigureAwait(false);
                }
                else
                {
                    await socket.ConnectAsync(host, port, ct).ConfigureAwait(false);
                }
                counted = new CountingStream(new NetworkStream(socket, ownsSocket: true), Totals);
                return counted;
            }, _magic, options.Value.V2Transport, timeout.Token).ConfigureAwait(false);
            IPeerTransport transport = result.V2 is { } v2 ? new V2PeerTransport(v2, result.Stream) : new V1Transport(result.Stream, _magic, []);
            await RunPeerAsync(transport, counted, socket!.RemoteEndPoint!, socket.LocalEndPoint, target, connectionType, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or V2TransportException
                                   || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            if (quiet) LogAutomaticConnectFailed(log, target, e.Message);
            else LogConnectFailed(log, target, e.Message);
            socket?.Dispose();
        }
    }

    /// <summary>Registers the peer, runs its receive loop until it disconnects, then forgets it.</summary>
    private async Task RunPeerAsync(IPeerTransport transport, CountingStream? counter, EndPoint remote, EndPoint? local, string? target,
        string connectionType, CancellationToken stoppingToken)
    {
        var inbound = connectionType == "inbound";
        var peer = new Peer(Interlocked.Increment(ref _nextPeerId) - 1, remote, local, inbound, transport, clock.GetUtcNow(), stoppingToken, clock,
            connectionType) { Counter = counter, Target = target };
        peer.Permissions = PermissionsFor(remote, local, inbound);
        _peers[peer.Id] = peer;
        LogConnected(log, peer.Id, remote, inbound ? "inbound" : "outbound", transport.Type);
        using var handshake = new CancellationTokenSource();
        using var registration = handshake.Token.Register(() => { if (!peer.Established) peer.Disconnect(); });
        handshake.CancelAfter(HandshakeTimeout);
        string reason = "connection closed";
        try
        {
            if (!inbound && !await SendVersionAsync(peer).ConfigureAwait(false)) return;
            while (true)
            {
                await peer.WaitForSendSpaceAsync().ConfigureAwait(false);
                var message = await transport.ReceiveAsync(peer.Closed).ConfigureAwait(false);
                if (message is null) break;
                peer.Received(message);
                if (!await HandleAsync(peer, message).ConfigureAwait(false))
                {
                    reason = $"misbehaved on '{message.Command}'";
                    Misbehaving(peer, reason);
                    break;
                }
                NoteRelayed(peer, message.Command);
            }
        }
        catch (PeerTransportException e)
        {
            reason = e.Message;
            Misbehaving(peer, reason);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            reason = stoppingToken.IsCancellationRequested ? "node stopping" : "disconnected";
        }
#pragma warning disable CA1031 // one peer's failure must never stop the node: it is logged and the peer dropped
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogPeerFailed(log, e, peer.Id);
            reason = $"internal error: {e.Message}";
        }
        finally
        {
            _peers.TryRemove(peer.Id, out _);
            _orphans.EraseForPeer(peer.Id);
            ForgetDownloads(peer.Id);   // its blocks in flight go to other peers
            if (peer.Closed.IsCancellationRequested && peer.DisconnectReason is { } why) reason = why;
            await peer.DisposeAsync().ConfigureAwait(false);
            LogDisconnected(log, peer.Id, remote, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ban list {Path} could not be read: {Error}; starting with no bans")]
    private static partial void LogBanListUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound connection from {Remote} refused: {Reason}")]
    private static partial void LogInboundRefused(ILogger logger, EndPoint remote, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a message of peer {PeerId} failed")]
    private static partial void LogPeerFailed(ILogger logger, Exception exception, long peerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "P2P listening on {EndPoint}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unable to bind to {EndPoint} for P2P: {Error}; not accepting inbound connections there")]
    private static partial void LogBindFailed(ILogger logger, IPEndPoint endPoint, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting a P2P connection failed: {Error}")]
    private static partial void LogAcceptFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transport negotiation with {Remote} failed: {Error}")]
    private static partial void LogTransportFailed(ILogger logger, EndPoint remote, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to {Target} failed: {Error}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, string target, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Automatic connection to {Target} failed: {Error}")]
    private static partial void LogAutomaticConnectFailed(ILogger logger, string target, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} connected: {Remote} ({Direction}, {Transport})")]
    private static partial void LogConnected(ILogger logger, long peerId, EndPoint remote, string direction, string transport);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} ({Remote}) disconnected: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, long peerId, EndPoint remote, string reason);
}
