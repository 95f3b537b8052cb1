using System.Net;
using System.Threading.Channels;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;

namespace Drivechain.Node.P2P;

/// <summary>
/// One connected peer: its transport, what its version said, and the sync and relay state the <see cref="PeerManager"/>
/// keeps for it. Received messages are handled one at a time by the peer's receive loop; sends go through a bounded
/// outbox drained by one writer (Core's send buffer: the receive loop pauses while more than
/// <see cref="MaxSendBuffer"/> bytes wait; a peer that lets <see cref="MaxSendBufferHard"/> pile up is dropped).
/// </summary>
public sealed class Peer : IAsyncDisposable
{
    /// <summary>Core's -maxsendbuffer default (5,000 kB): past it the peer's requests wait until its outbox drains.</summary>
    public const long MaxSendBuffer = 5_000_000;

    /// <summary>Queued bytes that drop the peer (announcements pile up for a peer that does not read).</summary>
    public const long MaxSendBufferHard = 4 * MaxSendBuffer;

    private readonly Channel<(string Command, ReadOnlyMemory<byte> Payload)> _outbox =
        Channel.CreateUnbounded<(string, ReadOnlyMemory<byte>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closed;
    private readonly HashSet<UInt256> _known = [];
    private readonly RecentHashes _knownBlocks = new(KnownBlocksCapacity);
    private readonly Lock _drainLock = new();
    private readonly TimeProvider _clock;
    private readonly Task _writer;
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queuedBytes;
    private int _syncedBlocks = -1;
    private int _syncedHeaders = -1;
    private long _lastSend;
    private long _lastReceive;

    public Peer(long id, EndPoint remote, EndPoint? local, bool inbound, IPeerTransport transport, DateTimeOffset connectedAt,
        CancellationToken stopping, TimeProvider? clock = null, string connectionType = "manual")
    {
        Id = id;
        Remote = remote;
        Local = local;
        Inbound = inbound;
        Transport = transport;
        ConnectedAt = connectedAt;
        ConnectionType = inbound ? "inbound" : connectionType;
        _clock = clock ?? TimeProvider.System;
        _closed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _writer = Task.Run(WriteLoopAsync);
    }

    public long Id { get; }
    public EndPoint Remote { get; }
    public EndPoint? Local { get; }
    public bool Inbound { get; }
    public IPeerTransport Transport { get; }
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>getpeerinfo's connection_type: <c>inbound</c>, <c>manual</c> (-connect, addnode) or <c>addr-fetch</c>.</summary>
    public string ConnectionType { get; }

    /// <summary>The remote IP address (IPv4-mapped addresses unmapped).</summary>
    public IPAddress? Address => Remote is IPEndPoint ip ? (ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address) : null;

    /// <summary>The peer's version message, once received.</summary>
    public VersionMessage? Version { get; internal set; }

    /// <summary>True once the peer's verack arrived (the handshake is complete).</summary>
    public bool Established { get; internal set; }

    /// <summary>The peer asked for new blocks to be announced with headers (BIP130 sendheaders).</summary>
    public bool WantsHeaders { get; internal set; }

    /// <summary>The peer sent wtxidrelay (BIP339): transactions are announced to it by wtxid.</summary>
    public bool WTxIdRelay { get; internal set; }

    /// <summary>BIP152: the peer sent sendcmpct version 2, so new blocks may be fetched from it as cmpctblock.</summary>
    public bool ProvidesCompactBlocks { get; internal set; }

    /// <summary>BIP152: the peer asked for high-bandwidth mode (new blocks pushed as cmpctblock; we announce by headers).</summary>
    public bool WantsCompactAnnouncements { get; internal set; }

    /// <summary>The block being rebuilt from this peer's cmpctblock while its getblocktxn is answered.</summary>
    internal CompactBlocks.PartiallyDownloadedBlock? PendingCompactBlock { get; set; }

    /// <summary>BIP133 feefilter: transactions below this fee rate (sat/kvB) are not announced to the peer.</summary>
    public long FeeFilter { get; internal set; }

    /// <summary>Whether the peer wants transactions (its version's relay flag; never on a block-relay-only connection).</summary>
    public bool RelaysTransactions => (Version?.Relay ?? false) && ConnectionType != PeerManager.BlockRelayOnly;

    /// <summary>Address relay with this peer (addr/addrv2/getaddr; docs/p2p.md#addresses).</summary>
    internal Addresses.PeerAddressRelay AddressRelay { get; } = new();

    /// <summary>The -whitelist/-whitebind permissions of this connection (getpeerinfo's permissions).</summary>
    public NetPermissions Permissions { get; internal set; }

    public bool HasPermission(NetPermissions permission) => (Permissions & permission) == permission;

    /// <summary>When the peer last sent a block / a transaction we accepted (inbound eviction protects recent relayers).</summary>
    public DateTimeOffset LastBlockTime { get; internal set; }

    public DateTimeOffset LastTxTime { get; internal set; }

    /// <summary>Core's misbehaviour verdict: the peer is to be discouraged and disconnected.</summary>
    public bool ShouldDiscourage { get; internal set; }

    /// <summary>Bytes read from / written to the socket (all framing included).</summary>
    public long BytesReceived => Counter?.BytesReceived ?? 0;

    public long BytesSent => Counter?.BytesSent ?? 0;

    internal CountingStream? Counter { get; init; }

    /// <summary>Core's bytessent_per_msg / bytesrecv_per_msg: wire bytes per message type (framing included).</summary>
    public IReadOnlyDictionary<string, long> BytesSentPerMessage => Snapshot(_sentPerMessage);

    public IReadOnlyDictionary<string, long> BytesReceivedPerMessage => Snapshot(_receivedPerMessage);

    private readonly Dictionary<string, long> _sentPerMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _receivedPerMessage = new(StringComparer.Ordinal);

    private void Count(Dictionary<string, long> counts, string command, int payloadLength)
    {
        var bytes = Transport.FramedSize(command, payloadLength);
        var key = NetMessageTypes.CountedAs(command);
        lock (counts) counts[key] = counts.GetValueOrDefault(key) + bytes;
    }

    private static SortedDictionary<string, long> Snapshot(Dictionary<string, long> counts)
    {
        lock (counts) return new SortedDictionary<string, long>(counts, StringComparer.Ordinal);
    }

    /// <summary>Whether anything was sent / received yet (Core's "no message in first N seconds").</summary>
    public bool HasSent => Volatile.Read(ref _lastSend) != 0;

    public bool HasReceived => Volatile.Read(ref _lastReceive) != 0;

    public DateTimeOffset LastSend => DateTimeOffset.FromUnixTimeMilliseconds(Volatile.Read(ref _lastSend));

    public DateTimeOffset LastReceive => DateTimeOffset.FromUnixTimeMilliseconds(Volatile.Read(ref _lastReceive));

    /// <summary>Ping state (Core's): the nonce and start of the ping in flight (0: none), last and least round trip.</summary>
    internal ulong PingNonce { get; set; }

    internal DateTimeOffset PingStart { get; set; }

    internal bool PingRequested { get; set; }

    public TimeSpan? LastPing { get; internal set; }

    public TimeSpan? MinPing { get; internal set; }

    /// <summary>When a ping is in flight: how long it has been waiting.</summary>
    public TimeSpan? PingWait => PingNonce != 0 ? _clock.GetUtcNow() - PingStart : null;

    /// <summary>Headers messages in a row that did not connect to our chain.</summary>
    internal int UnconnectingHeaders { get; set; }

    /// <summary>Transactions waiting for the next trickle: wtxid → txid and fee rate (sat/kvB). Used by the maintenance loop only.</summary>
    internal Dictionary<UInt256, (UInt256 TxId, long FeeRate)> TxToAnnounce { get; } = [];

    internal DateTimeOffset NextTxAnnouncement { get; set; }

    /// <summary>getpeerinfo's synced_blocks: the highest block we know we share with the peer (-1: none yet).</summary>
    public int SyncedBlocks => Volatile.Read(ref _syncedBlocks);

    /// <summary>getpeerinfo's synced_headers: the highest header the peer announced that we know (-1: none yet).</summary>
    public int SyncedHeaders => Volatile.Read(ref _syncedHeaders);

    /// <summary>Bytes queued and not yet written.</summary>
    public long QueuedBytes => Volatile.Read(ref _queuedBytes);

    /// <summary>Cancelled when the peer is disconnected (or the node stops).</summary>
    public CancellationToken Closed => _closed.Token;

    internal void SawBlock(int height)
    {
        if (height > _syncedBlocks) Volatile.Write(ref _syncedBlocks, height);
        if (height > _syncedHeaders) Volatile.Write(ref _syncedHeaders, height);
    }

    internal void SawHeader(int height)
    {
        if (height > _syncedHeaders) Volatile.Write(ref _syncedHeaders, height);
    }

    /// <summary>A message was read from the peer: when (lastrecv) and its bytes per type.</summary>
    internal void Received(PeerMessage message)
    {
        Volatile.Write(ref _lastReceive, _clock.GetUtcNow().ToUnixTimeMilliseconds());
        Count(_receivedPerMessage, message.Command, message.Payload.Length);
    }

    /// <summary>
    /// Blocks remembered as the peer's (sent to us, announced by it, or by us to it): the most recent ones, which are what a
    /// new tip's announcement asks about. A sync of every header would otherwise keep them all, ~75 bytes each, per peer.
    /// </summary>
    public const int KnownBlocksCapacity = 2_048;

    /// <summary>Remembers that the peer has block <paramref name="hash"/> (not announced back to it).</summary>
    internal void MarkBlockKnown(UInt256 hash) => _knownBlocks.Add(hash);

    /// <summary>Whether the peer is known to have block <paramref name="hash"/> (among the last <see cref="KnownBlocksCapacity"/>).</summary>
    internal bool KnowsBlock(UInt256 hash) => _knownBlocks.Contains(hash);

    /// <summary>Remembers that the peer has <paramref name="hash"/> (a txid or wtxid: not announced back to it).</summary>
    internal void MarkKnown(UInt256 hash)
    {
        lock (_known)
        {
            if (_known.Count >= 50_000) _known.Clear();
            _known.Add(hash);
        }
    }

    internal bool Knows(UInt256 hash)
    {
        lock (_known) return _known.Contains(hash);
    }

    /// <summary>
    /// Queues one message for the writer; false when the peer is gone. A peer whose outbox passes
    /// <see cref="MaxSendBufferHard"/> is disconnected.
    /// </summary>
    public Task<bool> SendAsync(string command, ReadOnlyMemory<byte> payload)
    {
        if (Closed.IsCancellationRequested) return Task.FromResult(false);
        if (Interlocked.Add(ref _queuedBytes, payload.Length) > MaxSendBufferHard || !_outbox.Writer.TryWrite((command, payload)))
        {
            Disconnect();
            return Task.FromResult(false);
        }
        return Task.FromResult(true);
    }

    /// <summary>Waits while more than <see cref="MaxSendBuffer"/> bytes are queued (Core's fPauseSend).</summary>
    public async Task WaitForSendSpaceAsync()
    {
        while (Volatile.Read(ref _queuedBytes) > MaxSendBuffer)
        {
            Task drained;
            lock (_drainLock) drained = _drained.Task;
            if (Volatile.Read(ref _queuedBytes) <= MaxSendBuffer) return;
            await drained.WaitAsync(Closed).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var (command, payload) in _outbox.Reader.ReadAllAsync(Closed).ConfigureAwait(false))
            {
                await Transport.SendAsync(command, payload, Closed).ConfigureAwait(false);
                Count(_sentPerMessage, command, payload.Length);
                Volatile.Write(ref _lastSend, _clock.GetUtcNow().ToUnixTimeMilliseconds());
                if (Interlocked.Add(ref _queuedBytes, -payload.Length) <= MaxSendBuffer)
                {
                    lock (_drainLock)
                    {
                        var drained = _drained;
                        _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        drained.TrySetResult();
                    }
                }
            }
        }
#pragma warning disable CA1031 // any failure to write ends this peer, never the node
        catch (Exception)
#pragma warning restore CA1031
        {
            Disconnect();
        }
    }

    /// <summary>The -connect/-addnode target this outbound connection serves (null for inbound and onetry).</summary>
    public string? Target { get; init; }

    /// <summary>Why the node closed the connection (null while connected, or when the peer closed it).</summary>
    public string? DisconnectReason { get; private set; }

    /// <summary>Closes the connection, remembering the first reason given.</summary>
    public void Disconnect(string reason)
    {
        DisconnectReason ??= reason;
        Disconnect();
    }

    /// <summary>Closes the connection (idempotent); the receive loop ends and the manager forgets the peer.</summary>
    public void Disconnect()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Disconnect();
        _outbox.Writer.TryComplete();
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Closed while writing.
        }
        await Transport.DisposeAsync().ConfigureAwait(false);
        _closed.Dispose();
    }
}
