using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Drivechain.Node.P2P.Addresses;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// -whitelist/-whitebind permissions (noban peers are never banned, discouraged or evicted) and inbound eviction when
/// the inbound slots are full (Core's AttemptToEvictConnection over <see cref="InboundEviction"/>).
/// </summary>
public sealed partial class PeerManager
{
    private readonly byte[] _evictionKey = RandomNumberGenerator.GetBytes(32);
    private NetWhitelist[]? _whitelistEntries;

    private NetWhitelist[] WhitelistEntries => _whitelistEntries ??=
    [
        .. options.Value.Whitelist.Select(w => NetWhitelist.TryParse(w, bind: false, out _)).OfType<NetWhitelist>(),
        .. options.Value.WhiteBind.Select(w => NetWhitelist.TryParse(w, bind: true, out _)).OfType<NetWhitelist>(),
    ];

    /// <summary>The -whitebind end points (listened on besides -bind).</summary>
    private IEnumerable<IPEndPoint> WhiteBindEndPoints => WhitelistEntries.Select(w => w.Bind).OfType<IPEndPoint>();

    /// <summary>The permissions of a connection from <paramref name="remote"/> on <paramref name="local"/>.</summary>
    internal NetPermissions PermissionsFor(EndPoint? remote, EndPoint? local, bool inbound) =>
        NetWhitelist.For(WhitelistEntries, (remote as IPEndPoint)?.Address, local as IPEndPoint, inbound);

    /// <summary>Notes a block or transaction the peer relayed without misbehaving (eviction protects recent relayers).</summary>
    private void NoteRelayed(Peer peer, string command)
    {
        if (command is "block" or "cmpctblock" or "blocktxn") peer.LastBlockTime = clock.GetUtcNow();
        else if (command == "tx") peer.LastTxTime = clock.GetUtcNow();
    }

    /// <summary>Core's AttemptToEvictConnection: disconnects one inbound peer to make room; false when all are protected.</summary>
    private bool TryEvictInbound()
    {
        // In connection order, as Core's m_nodes: protections that tie (one network group, no ping yet) keep that order.
        var candidates = _peers.Values.Where(p => p.Inbound && !p.Closed.IsCancellationRequested).OrderBy(p => p.Id).Select(p => new EvictionCandidate(
            p.Id, p.ConnectedAt, p.MinPing ?? TimeSpan.MaxValue, p.LastBlockTime, p.LastTxTime,
            RelevantServices: ((p.Version?.Services ?? 0) & LocalServices) == LocalServices, RelayTxs: p.RelaysTransactions,
            KeyedNetGroup: KeyedNetGroup(p.Remote), Inbound: true, NoBan: p.HasPermission(NetPermissions.NoBan),
            IsLocal: p.Address is { } a && NetGroup.IsLocal(a)));
        if (InboundEviction.SelectNodeToEvict(candidates) is not { } id || !_peers.TryGetValue(id, out var victim)) return false;
        LogEvicting(log, victim.Id, victim.Remote);
        victim.Disconnect("evicted to make room for a new inbound connection");
        return true;
    }

    private ulong KeyedNetGroup(EndPoint remote)
    {
        var group = remote is IPEndPoint ip ? NetGroup.Of(ip) : [];
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData([.. _evictionKey, .. group]));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound slots full: evicting peer {PeerId} ({Remote})")]
    private static partial void LogEvicting(ILogger logger, long peerId, EndPoint remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} misbehaved ({Reason}); it has the noban permission: disconnected, not discouraged")]
    private static partial void LogNotPunishingNoBan(ILogger logger, long peerId, string reason);
}
