using System.Collections.Concurrent;
using System.Net;
using Drivechain.Node.P2P.Addresses;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Operator control of connections (addnode, disconnectnode, setnetworkactive, ping): added nodes are kept connected
/// like -connect peers (reconnected 5 s after a drop) until removed; onetry connects once. Without -connect, the
/// automatic outbound connections as Core's ThreadOpenConnections: 8 full-relay then 2 block-relay-only (fewer when
/// -maxconnections is lower), to addresses the address manager picks, one per network group, seeded from DNS and fixed
/// seeds when the manager is empty, backing off (0.5 s doubling to 60 s) while attempts keep failing
/// (docs/p2p.md#addresses-and-outbound-connections).
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Core's MAX_OUTBOUND_FULL_RELAY_CONNECTIONS.</summary>
    public const int MaxOutboundFullRelayConnections = 8;

    /// <summary>Core's MAX_BLOCK_RELAY_ONLY_CONNECTIONS.</summary>
    public const int MaxBlockRelayOnlyConnections = 2;

    private readonly ConcurrentDictionary<IPEndPoint, (string Type, string Group)> _automatic = new();
    private int _automaticFailures;
    private DateTimeOffset _nextAutomaticAttempt;

    /// <summary>The wait before the next automatic attempt after <paramref name="failures"/> attempts in a row that never completed a handshake.</summary>
    internal static TimeSpan AutomaticBackoff(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(60, 0.5 * Math.Pow(2, Math.Min(failures, 10))));

    /// <summary>Core's m_max_outbound_full_relay.</summary>
    public int MaxOutboundFullRelay => Math.Min(MaxOutboundFullRelayConnections, options.Value.MaxConnections);

    /// <summary>Core's m_max_outbound_block_relay.</summary>
    public int MaxOutboundBlockRelay => Math.Min(MaxBlockRelayOnlyConnections, Math.Max(0, options.Value.MaxConnections - MaxOutboundFullRelay));

    /// <summary>
    /// Loads peers.dat, seeds an empty address manager (no -connect), opens automatic outbound connections every half
    /// second while slots are free, and writes peers.dat every 15 minutes and at stop. Loading runs before the first await,
    /// so before any peer connects.
    /// </summary>
    private async Task RunAddressesAsync(CancellationToken stoppingToken)
    {
        LoadAddresses();
        try
        {
            await Task.Yield();
            var automatic = options.Value.Connect.Count == 0;
            if (automatic) await SeedAsync(stoppingToken).ConfigureAwait(false);
            var nextDump = clock.GetUtcNow() + DumpPeersInterval;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (automatic && NetworkActive) OpenAutomaticConnection();
                if (clock.GetUtcNow() < nextDump) continue;
                SaveAddresses();
                nextDump = clock.GetUtcNow() + DumpPeersInterval;
            }
        }
        finally
        {
            SaveAddresses();
        }
    }

    /// <summary>
    /// An empty address manager asks the chain's DNS seeds (-dnsseed) and then takes the fixed seeds (-fixedseeds);
    /// without a network this fails softly with one log line.
    /// </summary>
    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        if (Addresses.Count > 0) return;
        var o = options.Value;
        var chain = o.ResolveChain();
        var now = clock.GetUtcNow();
        if (o.DnsSeed && Seeds.DnsSeeds(chain) is { Count: > 0 } hosts)
        {
            var found = 0;
            var errors = new List<string>();
            foreach (var host in hosts)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(30));
                    var resolved = await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
                    // Core: seeded addresses get a random age of 3 to 7 days, so that they are not relayed as fresh.
                    found += Addresses.Add(resolved.Select(a => new PeerAddress(new IPEndPoint(a, network.DefaultPort), LocalServices,
                        now - TimeSpan.FromDays(3) - TimeSpan.FromHours(Random.Shared.Next(4 * 24)))), IPAddress.Any, TimeSpan.Zero);
                }
                catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    errors.Add($"{host}: {e.Message}");
                }
            }
            if (found > 0) LogDnsSeeded(log, found, hosts.Count);
            else LogDnsSeedsFailed(log, hosts.Count, errors.FirstOrDefault() ?? "no addresses");
        }
        if (Addresses.Count == 0 && o.FixedSeeds && Seeds.FixedSeeds(chain) is { Count: > 0 } fixedSeeds)
        {
            var added = Addresses.Add(fixedSeeds.Select(e => new PeerAddress(e, LocalServices, now - TimeSpan.FromDays(7))), IPAddress.Any, TimeSpan.Zero);
            LogFixedSeeds(log, added);
        }
    }

    /// <summary>
    /// One step of Core's ThreadOpenConnections: when a full-relay (then a block-relay-only) slot is free, picks an address
    /// not connected, not ours, not banned, in a network group no automatic outbound peer has, and connects to it.
    /// </summary>
    private void OpenAutomaticConnection()
    {
        var full = _automatic.Values.Count(v => v.Type == OutboundFullRelay);
        var block = _automatic.Values.Count(v => v.Type == BlockRelayOnly);
        var type = full < MaxOutboundFullRelay ? OutboundFullRelay : block < MaxOutboundBlockRelay ? BlockRelayOnly : null;
        if (type is null || Addresses.Count == 0) return;
        var now = clock.GetUtcNow();
        if (now < _nextAutomaticAttempt) return;   // backing off: the last attempts all failed (no network, dead addresses)
        var groups = _automatic.Values.Select(v => v.Group).ToHashSet();
        for (var tries = 0; tries < 100; tries++)
        {
            if (Addresses.Select(newOnly: false, Random.Shared) is not var (address, lastTry)) return;
            var endPoint = address.EndPoint;
            var group = Convert.ToHexString(Addresses.GroupOf(endPoint));
            if (groups.Contains(group) || _automatic.ContainsKey(endPoint) || IsConnectedTo(endPoint) || IsOwnAddress(endPoint)
                || Bans.IsBanned(endPoint.Address) || Bans.IsDiscouraged(endPoint.Address))
                continue;
            if (now - lastTry < TimeSpan.FromMinutes(10) && tries < 30) continue;   // very recently tried: only after 30 other picks (Core)
            if (!_automatic.TryAdd(endPoint, (type, group))) continue;
            // Core counts a failure only when the node is evidently online: connected to at least two other groups.
            Addresses.Attempt(endPoint, countFailure: groups.Count >= Math.Min(MaxOutboundFullRelay + MaxOutboundBlockRelay - 1, 2));
            LogOpeningAutomatic(log, type, endPoint);
            _nextAutomaticAttempt = now + AutomaticBackoff(Volatile.Read(ref _automaticFailures));
            _ = Task.Run(async () =>
            {
                try
                {
                    await ConnectOnceAsync(endPoint.ToString(), type, _stopping, quiet: true).ConfigureAwait(false);
                }
                finally
                {
                    _automatic.TryRemove(endPoint, out _);
                    if (Addresses.LastSuccess(endPoint) >= now) Interlocked.Exchange(ref _automaticFailures, 0);
                    else Interlocked.Increment(ref _automaticFailures);
                }
            });
            return;
        }
    }

    /// <summary>Whether a peer is connected at <paramref name="endPoint"/> (by address, or by end point on regtest where all share 127.0.0.1).</summary>
    private bool IsConnectedTo(IPEndPoint endPoint)
    {
        var byEndPoint = !NetGroup.IsRoutable(endPoint.Address);
        return _peers.Values.Any(p => p.Remote is IPEndPoint remote
                                      && (byEndPoint ? PeerAddress.Normalize(remote).Equals(endPoint) : PeerAddress.Normalize(remote).Address.Equals(endPoint.Address)));
    }

    private bool IsOwnAddress(IPEndPoint endPoint) =>
        ListenEndPoints.Any(l => l.Port == endPoint.Port
                                 && (l.Address.Equals(endPoint.Address) || NetGroup.IsLocal(endPoint.Address)
                                     || l.Address.Equals(IPAddress.Any) || l.Address.Equals(IPAddress.IPv6Any)));

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

    [LoggerMessage(Level = LogLevel.Information, Message = "DNS seeds: {Count} addresses from {Seeds} seeds")]
    private static partial void LogDnsSeeded(ILogger logger, int count, int seeds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DNS seeds: none of {Seeds} seeds answered ({Error}); continuing without")]
    private static partial void LogDnsSeedsFailed(ILogger logger, int seeds, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adding {Count} fixed seed addresses")]
    private static partial void LogFixedSeeds(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opening {ConnectionType} connection to {EndPoint}")]
    private static partial void LogOpeningAutomatic(ILogger logger, string connectionType, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "SetNetworkActive: {Active}")]
    private static partial void LogNetworkActive(ILogger logger, bool active);
}
