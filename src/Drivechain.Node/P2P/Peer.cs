using System.Net;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;

namespace Drivechain.Node.P2P;

/// <summary>
/// One connected peer: its transport (sends serialised by a lock), what its version said, and the sync state the
/// <see cref="PeerManager"/> keeps for it. Received messages are handled one at a time by the peer's receive loop.
/// </summary>
public sealed class Peer : IAsyncDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closed;
    private readonly HashSet<UInt256> _known = [];
    private int _syncedBlocks = -1;
    private int _syncedHeaders = -1;

    public Peer(long id, EndPoint remote, EndPoint? local, bool inbound, IPeerTransport transport, DateTimeOffset connectedAt, CancellationToken stopping)
    {
        Id = id;
        Remote = remote;
        Local = local;
        Inbound = inbound;
        Transport = transport;
        ConnectedAt = connectedAt;
        _closed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public long Id { get; }
    public EndPoint Remote { get; }
    public EndPoint? Local { get; }
    public bool Inbound { get; }
    public IPeerTransport Transport { get; }
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>The peer's version message, once received.</summary>
    public VersionMessage? Version { get; internal set; }

    /// <summary>True once the peer's verack arrived (the handshake is complete).</summary>
    public bool Established { get; internal set; }

    /// <summary>The peer asked for new blocks to be announced with headers (BIP130 sendheaders).</summary>
    public bool WantsHeaders { get; internal set; }

    /// <summary>Cancelled when the peer is disconnected (or the node stops).</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Blocks requested from this peer and not yet received.</summary>
    internal HashSet<UInt256> InFlight { get; } = [];

    /// <summary>getpeerinfo's synced_blocks: the highest block we know we share with the peer (-1: none yet).</summary>
    public int SyncedBlocks => Volatile.Read(ref _syncedBlocks);

    /// <summary>getpeerinfo's synced_headers: the highest header the peer announced that we know (-1: none yet).</summary>
    public int SyncedHeaders => Volatile.Read(ref _syncedHeaders);

    internal void SawBlock(int height)
    {
        if (height > _syncedBlocks) Volatile.Write(ref _syncedBlocks, height);
        if (height > _syncedHeaders) Volatile.Write(ref _syncedHeaders, height);
    }

    internal void SawHeader(int height)
    {
        if (height > _syncedHeaders) Volatile.Write(ref _syncedHeaders, height);
    }

    /// <summary>Remembers that the peer has <paramref name="hash"/> (so it is not announced back to it).</summary>
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

    /// <summary>Sends one message; a failure (or a disconnected peer) closes the peer instead of throwing.</summary>
    public async Task<bool> SendAsync(string command, ReadOnlyMemory<byte> payload)
    {
        try
        {
            await _sendLock.WaitAsync(Closed).ConfigureAwait(false);
            try
            {
                await Transport.SendAsync(command, payload, Closed).ConfigureAwait(false);
                return true;
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            Disconnect();
            return false;
        }
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
        await Transport.DisposeAsync().ConfigureAwait(false);
        _closed.Dispose();
    }
}
