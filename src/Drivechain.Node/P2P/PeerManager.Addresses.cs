using System.Net;
using Drivechain.Node.Hosting;
using Drivechain.Node.P2P.Addresses;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Address relay as Core (docs/p2p.md#addresses): the address manager persisted to peers.dat, getaddr answered once per
/// inbound connection from a cached random 23 % of the known addresses (at most 1,000), addr/addrv2 processed under a
/// token bucket and relayed onwards when fresh and few, getaddr and self-advertisement to outbound full-relay peers once
/// the handshake is done. Block-relay-only connections take no part.
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Core's getpeerinfo connection_type names of the automatic outbound connections.</summary>
    public const string OutboundFullRelay = "outbound-full-relay";

    /// <inheritdoc cref="OutboundFullRelay"/>
    public const string BlockRelayOnly = "block-relay-only";

    /// <summary>Core's MAX_PCT_ADDR_TO_SEND: a getaddr answer holds at most this share of the known addresses.</summary>
    public const int MaxPercentAddrToSend = 23;

    private static readonly TimeSpan AddrTimePenalty = TimeSpan.FromHours(2);
    private static readonly TimeSpan DumpPeersInterval = TimeSpan.FromMinutes(15);
    private readonly Lock _getAddrCacheLock = new();
    private List<PeerAddress>? _getAddrCache;
    private DateTimeOffset _getAddrCacheExpiry;

    private AddressManager? _addressManager;
    private readonly Lock _addressManagerLock = new();

    /// <summary>The address manager, loaded from peers.dat in the chain's data directory on first use (an RPC may come first).</summary>
    public AddressManager Addresses
    {
        get
        {
            if (Volatile.Read(ref _addressManager) is { } loaded) return loaded;
            lock (_addressManagerLock)
            {
                if (_addressManager is not null) return _addressManager;
                var manager = new AddressManager(clock, options.Value.ResolveChain() == ChainKind.Regtest);
                if (manager.Load(PeersPath, _magic) is { } error) LogPeersUnreadable(log, PeersPath, error);
                else LogPeersLoaded(log, manager.Count, PeersPath);
                Volatile.Write(ref _addressManager, manager);
                return manager;
            }
        }
    }

    private string PeersPath => Path.Combine(options.Value.ChainDataDirectory, "peers.dat");

    /// <summary>Makes sure peers.dat is loaded (before the first peer connects).</summary>
    private void LoadAddresses() => _ = Addresses;

    private void SaveAddresses()
    {
        try
        {
            Addresses.Save(PeersPath, _magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogPeersNotSaved(log, PeersPath, e.Message);
        }
    }

    /// <summary>sendaddrv2, getaddr, addr and addrv2; false when the peer broke the protocol.</summary>
    private Task<bool> OnAddressMessageAsync(Peer peer, string command, byte[] payload)
    {
        switch (command)
        {
            case "sendaddrv2":
                if (!peer.Established) peer.AddressRelay.WantsAddrV2 = true;   // only valid before verack (BIP155)
                return Task.FromResult(true);
            case "getaddr":
                return OnGetAddrAsync(peer);
            default:
                return OnAddrAsync(peer, payload, command == "addrv2");
        }
    }

    private async Task<bool> OnGetAddrAsync(Peer peer)
    {
        // Core answers inbound peers only (an outbound peer asking would be fingerprinting us), and once per connection.
        if (!peer.Inbound || peer.AddressRelay.GetAddrAnswered) return true;
        peer.AddressRelay.GetAddrAnswered = true;
        peer.AddressRelay.Enabled = true;
        List<PeerAddress> answer;
        var now = clock.GetUtcNow();
        lock (_getAddrCacheLock)
        {
            if (_getAddrCache is null || now >= _getAddrCacheExpiry)
            {
                // Core's m_addr_response_caches: one answer for 21 to 27 hours, so repeated asking reveals nothing new.
                _getAddrCache = Addresses.GetAddresses(AddressMessages.MaxAddrToSend, MaxPercentAddrToSend, null, Random.Shared);
                _getAddrCacheExpiry = now + TimeSpan.FromHours(21) + TimeSpan.FromMinutes(Random.Shared.Next(6 * 60));
            }
            answer = _getAddrCache;
        }
        LogGetAddrAnswered(log, peer.Id, answer.Count);
        return await SendAddressesAsync(peer, answer).ConfigureAwait(false);
    }

    private async Task<bool> OnAddrAsync(Peer peer, byte[] payload, bool v2)
    {
        var command = v2 ? "addrv2" : "addr";
        if (AddressMessages.TryParse(payload, v2, out var received, out var count) is { } error)
        {
            LogBadAddr(log, peer.Id, command, error);
            return false;   // oversized or malformed: misbehaviour, as Core
        }
        if (peer.ConnectionType == BlockRelayOnly) return true;   // no address relay on block-relay-only connections
        var relay = peer.AddressRelay;
        relay.Enabled = true;
        var now = clock.GetUtcNow();
        var accepted = new List<PeerAddress>(received.Count);
        var rateLimited = 0;
        foreach (var original in received)
        {
            if (!relay.TryTakeToken(now) && !peer.HasPermission(NetPermissions.Addr))
            {
                rateLimited++;
                continue;
            }
            var address = original.Time.ToUnixTimeSeconds() <= 100_000_000 || original.Time > now + TimeSpan.FromMinutes(10)
                ? original with { Time = now - TimeSpan.FromDays(5) }
                : original;
            relay.MarkKnown(address.EndPoint);
            var reachable = Addresses.Accepts(address.EndPoint.Address);
            if (reachable && address.Time > now - TimeSpan.FromMinutes(10) && !relay.GetAddrSent && count <= 10)
                await RelayAddressAsync(peer, address).ConfigureAwait(false);
            if (reachable) accepted.Add(address);
        }
        relay.RateLimited += rateLimited;
        relay.Processed += received.Count - rateLimited;
        var added = peer.Address is { } source ? Addresses.Add(accepted, source, AddrTimePenalty) : 0;
        if (count < AddressMessages.MaxAddrToSend) relay.GetAddrSent = false;
        LogAddrReceived(log, peer.Id, command, count, added, rateLimited);
        return true;
    }

    /// <summary>Passes a fresh address on to up to two other peers that take part in address relay (Core's RelayAddress).</summary>
    private async Task RelayAddressAsync(Peer from, PeerAddress address)
    {
        var targets = _peers.Values.Where(p => p != from && p.Established && p.AddressRelay.Enabled && p.ConnectionType != BlockRelayOnly).ToArray();
        Random.Shared.Shuffle(targets);
        foreach (var target in targets.Take(2)) await SendAddressesAsync(target, [address]).ConfigureAwait(false);
    }

    /// <summary>Sends the addresses <paramref name="peer"/> does not know yet, as addrv2 when it asked for that.</summary>
    private Task<bool> SendAddressesAsync(Peer peer, IReadOnlyCollection<PeerAddress> addresses)
    {
        var fresh = addresses.Where(a => peer.AddressRelay.MarkKnown(a.EndPoint)).Take(AddressMessages.MaxAddrToSend).ToList();
        if (fresh.Count == 0) return Task.FromResult(true);
        var v2 = peer.AddressRelay.WantsAddrV2;
        return peer.SendAsync(v2 ? "addrv2" : "addr", AddressMessages.Serialize(fresh, v2));
    }

    /// <summary>
    /// After the handshake: an automatic outbound peer's address is good (moves to tried); outbound full-relay and manual
    /// peers get our address (when we listen on a routable one) and a getaddr, as Core.
    /// </summary>
    private async Task<bool> OnHandshakeAddressesAsync(Peer peer)
    {
        if (peer.Inbound) return true;
        if (peer.Remote is IPEndPoint remote && peer.ConnectionType is OutboundFullRelay or BlockRelayOnly) Addresses.Good(remote);
        if (peer.ConnectionType == BlockRelayOnly)
        {
            NoteBlockRelayOnlyPeers();   // a potential anchor from now on, even if the node stops before the next tick
            return true;
        }
        peer.AddressRelay.Enabled = true;
        var self = SelfAdvertisement();
        if (self.Count > 0 && !await SendAddressesAsync(peer, self).ConfigureAwait(false)) return false;
        peer.AddressRelay.GetAddrSent = true;
        peer.AddressRelay.Grant(AddressMessages.MaxAddrToSend);
        return await peer.SendAsync("getaddr", ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
    }

    /// <summary>Our own addresses worth advertising: the routable addresses we listen on (no -discover or -externalip here).</summary>
    private List<PeerAddress> SelfAdvertisement()
    {
        if (!options.Value.EffectiveListen) return [];
        var now = clock.GetUtcNow();
        return [.. ListenEndPoints.Where(e => NetGroup.IsRoutable(e.Address)).Select(e => new PeerAddress(e, LocalServices, now))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Address file {Path} is not usable ({Error}); starting with no known addresses")]
    private static partial void LogPeersUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} addresses from {Path}")]
    private static partial void LogPeersLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the address file {Path}: {Error}")]
    private static partial void LogPeersNotSaved(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} sent a bad {Command}: {Error}")]
    private static partial void LogBadAddr(ILogger logger, long peerId, string command, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Peer {PeerId}: {Command} of {Count} addresses, {Added} new, {RateLimited} rate-limited")]
    private static partial void LogAddrReceived(ILogger logger, long peerId, string command, int count, int added, int rateLimited);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Peer {PeerId}: getaddr answered with {Count} addresses")]
    private static partial void LogGetAddrAnswered(ILogger logger, long peerId, int count);
}
