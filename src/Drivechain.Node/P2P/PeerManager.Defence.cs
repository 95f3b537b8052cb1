using System.Net;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Defence as Core: inbound admission (network active, bans, discouragement, -maxconnections) and the verdict on a
/// misbehaving peer (a malformed or oversized message, a consensus-invalid block or header): disconnected, and its
/// address discouraged unless it is a manual connection or a local address (Core's MaybeDiscourageAndDisconnect).
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Why an inbound connection from <paramref name="remote"/> is refused (Core's CreateNodeFromAcceptedSocket), or null.</summary>
    private string? RefuseInbound(IPEndPoint? remote, EndPoint? local)
    {
        if (!NetworkActive) return "network not active";
        if (remote is null) return "no remote address";
        var noBan = PermissionsFor(remote, local, inbound: true).HasFlag(NetPermissions.NoBan);   // noban peers are never refused for bans
        if (!noBan && Bans.IsBanned(remote.Address)) return "banned";
        var inbound = _peers.Values.Count(p => p.Inbound) + Volatile.Read(ref _negotiatingInbound);
        if (!noBan && inbound + 1 >= MaxInbound && Bans.IsDiscouraged(remote.Address)) return "discouraged and inbound slots (almost) full";
        if (inbound >= MaxInbound && !TryEvictInbound()) return $"inbound slots full ({MaxInbound}, -maxconnections={options.Value.MaxConnections})";
        return null;
    }

    /// <summary>Marks the peer for discouragement and disconnects it (Core's Misbehaving + MaybeDiscourageAndDisconnect).</summary>
    private void Misbehaving(Peer peer, string reason)
    {
        if (peer.HasPermission(NetPermissions.NoBan))
        {
            LogNotPunishingNoBan(log, peer.Id, reason);
            peer.Disconnect();
            return;
        }
        peer.ShouldDiscourage = true;
        if (peer.ConnectionType == "manual")
        {
            LogNotPunishingManual(log, peer.Id, reason);
        }
        else if (peer.Address is not { } address || IsLocal(address))
        {
            LogNotDiscouragingLocal(log, peer.Id, reason);
        }
        else
        {
            Bans.Discourage(address);
            LogDiscouraged(log, peer.Id, address, reason);
        }
        peer.Disconnect();
    }

    /// <summary>Core's CNetAddr::IsLocal: loopback and 0.0.0.0/8.</summary>
    internal static bool IsLocal(IPAddress address)
    {
        address = BanList.Normalize(address);
        return IPAddress.IsLoopback(address)
               || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.GetAddressBytes()[0] == 0);
    }

    /// <summary>Disconnects the connected peers a new ban covers.</summary>
    public void DisconnectBanned(IPNetwork subnet)
    {
        foreach (var peer in _peers.Values)
            if (peer.Address is { } address && subnet.Contains(address)) peer.Disconnect("banned");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} misbehaved ({Reason}); manually connected: disconnected but not discouraged")]
    private static partial void LogNotPunishingManual(ILogger logger, long peerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} misbehaved ({Reason}); disconnecting but not discouraging local peer")]
    private static partial void LogNotDiscouragingLocal(ILogger logger, long peerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId} misbehaved ({Reason}); discouraging {Address} and disconnecting")]
    private static partial void LogDiscouraged(ILogger logger, long peerId, IPAddress address, string reason);
}
