using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;
using Drivechain.Node.Rpc.Methods;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

public sealed partial class PeerManager
{
    /// <summary>Our user agent (BIP14), as getnetworkinfo's subversion.</summary>
    public static readonly string UserAgent = $"/{ControlRpcMethods.ClientName}:0.1.0/";

    /// <summary>Handles one message; false when the peer broke the protocol and must be dropped.</summary>
    private async Task<bool> HandleAsync(Peer peer, PeerMessage message)
    {
        var payload = message.Payload;
        if (message.Command == "version") return await OnVersionAsync(peer, payload).ConfigureAwait(false) && OnFeelerVersion(peer);
        if (peer.Version is null) return true;   // Core ignores everything before version
        switch (message.Command)
        {
            case "verack":
                if (peer.Established) return true;
                peer.Established = true;
                LogEstablished(log, peer.Id, peer.Version.UserAgent, peer.Version.Version, peer.Version.StartHeight);
                return await peer.SendAsync("sendheaders", ReadOnlyMemory<byte>.Empty).ConfigureAwait(false)
                       && await SendCompactAsync(peer).ConfigureAwait(false)
                       && await SendFeeFilterAsync(peer).ConfigureAwait(false)
                       && await RequestHeadersAsync(peer, null).ConfigureAwait(false)
                       && await OnHandshakeAddressesAsync(peer).ConfigureAwait(false);
            case "wtxidrelay":
                if (!peer.Established) peer.WTxIdRelay = true;   // only valid before verack (BIP339)
                return true;
            case "ping":
                return !P2PPayloads.TryParseNonce(payload, out var nonce) || await peer.SendAsync("pong", P2PPayloads.Nonce(nonce)).ConfigureAwait(false);
            case "pong":
                if (P2PPayloads.TryParseNonce(payload, out var pong)) OnPong(peer, pong);
                return true;
            case "feefilter":
                return OnFeeFilter(peer, payload);
            case "tx":
                return await OnTransactionAsync(peer, payload).ConfigureAwait(false);
            case "sendheaders":
                peer.WantsHeaders = true;
                return true;
            case "getheaders":
                return P2PPayloads.TryParseGetHeaders(payload, out var locator, out var stop)
                       && await ServeHeadersAsync(peer, locator, stop).ConfigureAwait(false);
            case "getdata":
                return P2PPayloads.TryParseInventory(payload, out var wanted) && await ServeDataOrCompactAsync(peer, wanted).ConfigureAwait(false);
            case "headers":
                return P2PPayloads.TryParseHeaders(payload, out var headers) && await OnHeadersAsync(peer, headers).ConfigureAwait(false);
            case "inv":
                return P2PPayloads.TryParseInventory(payload, out var announced) && await OnInventoryAsync(peer, announced).ConfigureAwait(false)
                       && await OnTransactionInventoryAsync(peer, announced).ConfigureAwait(false);
            case "block":
                return await OnBlockAsync(peer, payload).ConfigureAwait(false);
            case "notfound":
                return P2PPayloads.TryParseInventory(payload, out var missing) && OnNotFound(peer, missing);
            case "sendaddrv2" or "getaddr" or "addr" or "addrv2":
                return await OnAddressMessageAsync(peer, message.Command, payload).ConfigureAwait(false);
            case "sendcmpct" or "cmpctblock" or "getblocktxn" or "blocktxn":
                return await HandleCompactAsync(peer, message.Command, payload).ConfigureAwait(false);
            case "mempool":
                return await OnMempoolRequestAsync(peer).ConfigureAwait(false);
            default:
                return true;   // filterload, …: not handled (docs/p2p.md)
        }
    }

    private Task<bool> SendVersionAsync(Peer peer)
    {
        var height = node.IsLoaded ? node.Chain.Height : 0;
        var version = new VersionMessage(ControlRpcMethods.ProtocolVersion, LocalServices, clock.GetUtcNow().ToUnixTimeSeconds(), _localNonce,
            UserAgent, height, Relay: peer.ConnectionType is not (BlockRelayOnly or Feeler));
        return peer.SendAsync("version", version.ToBytes());
    }

    private async Task<bool> OnVersionAsync(Peer peer, byte[] payload)
    {
        if (peer.Version is not null) return true;   // duplicate version: ignored, as Core does
        if (!VersionMessage.TryParse(payload, out var version)) return false;
        if (version.Nonce == _localNonce && peer.Inbound)
        {
            LogSelfConnection(log, peer.Id);
            return false;
        }
        if (version.Version < MinPeerProtocolVersion)
        {
            LogObsolete(log, peer.Id, version.Version);
            return false;
        }
        peer.Version = version;
        if (peer.Inbound && !await SendVersionAsync(peer).ConfigureAwait(false)) return false;
        // Both are only valid between version and verack.
        return await peer.SendAsync("wtxidrelay", ReadOnlyMemory<byte>.Empty).ConfigureAwait(false)
               && await peer.SendAsync("sendaddrv2", ReadOnlyMemory<byte>.Empty).ConfigureAwait(false)
               && await peer.SendAsync("verack", ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} handshake complete: {UserAgent} protocol {Version}, height {StartHeight}")]
    private static partial void LogEstablished(ILogger logger, long peerId, string userAgent, int version, int startHeight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} is ourselves (version nonce); disconnecting")]
    private static partial void LogSelfConnection(ILogger logger, long peerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} uses obsolete protocol version {Version}; disconnecting")]
    private static partial void LogObsolete(ILogger logger, long peerId, int version);
}
