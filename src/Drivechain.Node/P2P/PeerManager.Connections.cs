using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Operator control of connections (addnode, disconnectnode, setnetworkactive, ping): added nodes are kept connected
/// like -connect peers (reconnected 5 s after a drop) until removed; onetry connects once.
/// </summary>
public sealed partial class PeerManager
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _addedNodes = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _networkActive = true;

    /// <summary>setnetworkactive: while false, no connection is made or accepted and all peers are disconnected.</summary>
    public bool NetworkActive => _networkActive;

    /// <summary>The -addnode/addnode targets, in no particular order.</summary>
    public IReadOnlyCollection<string> AddedNodes => [.. _addedNodes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>addnode add: keeps <paramref name="target"/> connected; false when it was already added.</summary>
    public bool AddNode(string target)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        if (!_addedNodes.TryAdd(target, stop))
        {
            stop.Dispose();
            return false;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await ConnectLoopAsync(target, "manual", stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Removed, or the node is stopping.
            }
        });
        return true;
    }

    /// <summary>addnode remove: stops reconnecting to <paramref name="target"/> (an open connection stays, as in Core).</summary>
    public bool RemoveAddedNode(string target)
    {
        if (!_addedNodes.TryRemove(target, out var stop)) return false;
        stop.Cancel();
        stop.Dispose();
        return true;
    }

    /// <summary>addnode onetry: one connection attempt, in the background.</summary>
    public void ConnectOnce(string target) =>
        _ = Task.Run(() => ConnectOnceAsync(target, "manual", _stopping));

    /// <summary>disconnectnode: closes the connections to <paramref name="address"/> (as getpeerinfo's addr); false when none.</summary>
    public bool Disconnect(string address)
    {
        var found = false;
        foreach (var peer in _peers.Values.Where(p => string.Equals(p.Remote.ToString(), address, StringComparison.OrdinalIgnoreCase)
                                                      || string.Equals(p.Target, address, StringComparison.OrdinalIgnoreCase)))
        {
            peer.Disconnect("disconnectnode");
            found = true;
        }
        return found;
    }

    /// <summary>disconnectnode by id; false when no such peer is connected.</summary>
    public bool Disconnect(long peerId)
    {
        if (!_peers.TryGetValue(peerId, out var peer)) return false;
        peer.Disconnect("disconnectnode");
        return true;
    }

    /// <summary>setnetworkactive.</summary>
    public void SetNetworkActive(bool active)
    {
        if (_networkActive == active) return;
        _networkActive = active;
        LogNetworkActive(log, active);
        if (active) return;
        foreach (var peer in _peers.Values) peer.Disconnect("network not active");
    }

    /// <summary>The ping RPC: every established peer gets a ping at the next maintenance tick.</summary>
    public void RequestPings()
    {
        foreach (var peer in _peers.Values) peer.PingRequested = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SetNetworkActive: {Active}")]
    private static partial void LogNetworkActive(ILogger logger, bool active);
}
