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
        var automatic = options.Value.Connect.Count == 0;
        var seeding = Task.CompletedTask;
        try
        {
            await Task.Yield();
            if (automatic)
            {
                StartAnchorsAndFeelers();
                seeding = SeedAsync(stoppingToken);   // runs beside the loop: its fixed seeds may wait a minute
            }
            var nextDump = clock.GetUtcNow() + DumpPeersInterval;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (automatic)
                {
                    Addresses.ResolveCollisions();
                    if (NetworkActive) OpenAutomaticConnection();
                    NoteBlockRelayOnlyPeers();
                }
                if (clock.GetUtcNow() < nextDump) continue;
                SaveAddresses();
                nextDump = clock.GetUtcNow() + DumpPeersInterval;
            }
        }
        finally
        {
            SaveAddresses();
            if (automatic) SaveAnchors();   // Core: anchors are written at a clean shutdown only
            await seeding.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An empty address manager asks the chain's DNS seeds (-dnsseed) and then, still empty a minute after the start (at once
    /// without DNS seeds and -addnode), takes the fixed seeds (-fixedseeds); without a network this fails softly with one log line.
    /// </summary>
    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        SeedOutcome outcome;
        try
        {
            outcome = await AddressSeeder.SeedAsync(Addresses, o.ResolveChain(), network.DefaultPort, o.DnsSeed, o.FixedSeeds, o.AddNode.Count > 0,
                Dns.GetHostAddressesAsync, (delay, ct) => Task.Delay(delay, clock, ct), clock, Random.Shared, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        if (outcome.DnsAddresses > 0) LogDnsSeeded(log, outcome.DnsAddresses, outcome.DnsSeedsAsked);
        else if (outcome.DnsError is { } error) LogDnsSeedsFailed(log, outcome.DnsSeedsAsked, error);
        if (outcome.FixedAdded > 0) LogFixedSeeds(log, outcome.FixedAdded);
    }

    /// <summary>
    /// One step of Core's ThreadOpenConnections: an anchor first (block-relay-only) while block-relay slots are free, else
    /// when a full-relay (then a block-relay-only) slot is free, an address not connected, not ours, not banned, in a network
    /// group no automatic outbound peer has; with every slot taken, a feeler to a "new" address every ~2 minutes.
    /// </summary>
    private void OpenAutomaticConnection()
    {
        var full = _automatic.Values.Count(v => v.Type == OutboundFullRelay);
        var block = _automatic.Values.Count(v => v.Type == BlockRelayOnly);
        var now = clock.GetUtcNow();
        if (now < _nextAutomaticAttempt) return;   // backing off: the last attempts all failed (no network, dead addresses)
        var groups = _automatic.Values.Where(v => v.Type != Feeler).Select(v => v.Group).ToHashSet();
        if (_anchors.Count > 0 && block < MaxOutboundBlockRelay)
        {
            var anchor = PeerAddress.Normalize(_anchors[^1].EndPoint);
            _anchors.RemoveAt(_anchors.Count - 1);   // each anchor is tried once (Core pops it)
            var anchorGroup = Convert.ToHexString(Addresses.GroupOf(anchor));
            if (groups.Contains(anchorGroup) || !IsCandidate(anchor)) return;
            LogAnchorConnecting(log, anchor);
            StartAutomatic(anchor, BlockRelayOnly, anchorGroup, countFailure: false, now);
            return;
        }
        var type = full < MaxOutboundFullRelay ? OutboundFullRelay : block < MaxOutboundBlockRelay ? BlockRelayOnly : null;
        // Core's outbound semaphore: at most min(full + block-relay + 1 feeler, -maxconnections) automatic connections at once,
        // so a feeler needs -maxconnections of 11 or more (the default 125).
        var feelerSlot = _automatic.Count < Math.Min(MaxOutboundFullRelay + MaxOutboundBlockRelay + MaxFeelerConnections, options.Value.MaxConnections);
        if (type is null && feelerSlot && now >= _nextFeeler && !_automatic.Values.Any(v => v.Type == Feeler))
        {
            _nextFeeler = now + NextFeelerDelay(Random.Shared);
            type = Feeler;
        }
        if (type is null || Addresses.Count == 0) return;
        for (var tries = 0; tries < 100; tries++)
        {
            // A feeler tests the old address of a tried-table collision first (test-before-evict), else one we have only heard of.
            var collision = type == Feeler && tries == 0 ? Addresses.SelectTriedCollision(Random.Shared) : null;
            if ((collision ?? Addresses.Select(newOnly: type == Feeler, Random.Shared)) is not var (address, lastTry)) return;
            var endPoint = address.EndPoint;
            var group = Convert.ToHexString(Addresses.GroupOf(endPoint));
            if ((type != Feeler && groups.Contains(group)) || !IsCandidate(endPoint)) continue;
            if (now - lastTry < TimeSpan.FromMinutes(10) && tries < 30) continue;   // very recently tried: only after 30 other picks (Core)
            // Core counts a failure only when the node is evidently online: connected to at least two other groups.
            StartAutomatic(endPoint, type, group, countFailure: groups.Count >= Math.Min(MaxOutboundFullRelay + MaxOutboundBlockRelay - 1, 2), now);
            return;
        }
    }

    /// <summary>Not connected or being connected, not ours, not banned or discouraged.</summary>
    private bool IsCandidate(IPEndPoint endPoint) =>
        !_automatic.ContainsKey(endPoint) && !IsConnectedTo(endPoint) && !IsOwnAddress(endPoint)
        && !Bans.IsBanned(endPoint.Address) && !Bans.IsDiscouraged(endPoint.Address);

    private void StartAutomatic(IPEndPoint endPoint, string type, string group, bool countFailure, DateTimeOffset now)
    {
        if (!_automatic.TryAdd(endPoint, (type, group))) return;
        Addresses.Attempt(endPoint, countFailure);
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
