using System.Net;
using Drivechain.Node.P2P.Addresses;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Feeler connections and anchors, as Core (docs/p2p.md#addresses-and-outbound-connections). A feeler is a short outbound
/// connection, at most one at a time and on average every 2 minutes (exponentially distributed) once every outbound slot
/// is taken (and -maxconnections leaves room for it, as Core's outbound semaphore), to an address of the "new" table: when the peer answers our version the address is good (moves to tried) and
/// the connection is closed. Anchors are the block-relay-only peers connected at a clean shutdown, written to anchors.dat
/// and reconnected first (as block-relay-only) at the next start; the file is deleted once read.
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Core's getpeerinfo connection_type of a feeler.</summary>
    public const string Feeler = "feeler";

    /// <summary>Core's MAX_FEELER_CONNECTIONS.</summary>
    public const int MaxFeelerConnections = 1;

    /// <summary>Core's FEELER_INTERVAL (the mean time between two feelers).</summary>
    public static readonly TimeSpan DefaultFeelerInterval = TimeSpan.FromMinutes(2);

    private readonly List<PeerAddress> _anchors = [];
    private List<PeerAddress> _blockRelayOnlySnapshot = [];
    private DateTimeOffset _nextFeeler = DateTimeOffset.MaxValue;

    /// <summary>The mean time between feelers: Core's 2 minutes, or the hidden test option <c>-feelerinterval</c> (seconds).</summary>
    private TimeSpan FeelerInterval => options.Value.FeelerInterval is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DefaultFeelerInterval;

    private string AnchorsPath => Path.Combine(options.Value.ChainDataDirectory, "anchors.dat");

    /// <summary>An exponentially distributed wait with the feeler interval as its mean (Core's rand_exp_duration).</summary>
    private TimeSpan NextFeelerDelay(Random random) => FeelerInterval * -Math.Log(1 - random.NextDouble());

    /// <summary>At start-up without -connect: reads and deletes anchors.dat, and schedules the first feeler.</summary>
    private void StartAnchorsAndFeelers()
    {
        _nextFeeler = clock.GetUtcNow() + NextFeelerDelay(Random.Shared);
        var anchors = AnchorsFile.ReadAndDelete(AnchorsPath, _magic, out var error);
        if (error is not null) LogAnchorsUnreadable(log, AnchorsPath, error);
        _anchors.AddRange(anchors);
        if (anchors.Count > 0) LogAnchorsLoaded(log, anchors.Count);
    }

    /// <summary>Remembers the established block-relay-only peers (at most <see cref="AnchorsFile.MaxAnchors"/>): the anchors a stop would write.</summary>
    private void NoteBlockRelayOnlyPeers() => _blockRelayOnlySnapshot = CurrentBlockRelayOnlyPeers();

    private List<PeerAddress> CurrentBlockRelayOnlyPeers() =>
    [
        .. _peers.Values.Where(p => p.ConnectionType == BlockRelayOnly && p.Established && p.Remote is IPEndPoint)
            .OrderBy(p => p.Id)
            .Select(p => new PeerAddress(PeerAddress.Normalize((IPEndPoint)p.Remote), p.Version?.Services ?? 0, clock.GetUtcNow()))
            .Take(AnchorsFile.MaxAnchors),
    ];

    /// <summary>At a clean stop: writes the block-relay-only peers connected now (or at the last tick, as peers may be closing already) to anchors.dat.</summary>
    private void SaveAnchors()
    {
        var anchors = CurrentBlockRelayOnlyPeers().Concat(_blockRelayOnlySnapshot).DistinctBy(a => a.EndPoint).Take(AnchorsFile.MaxAnchors).ToList();
        try
        {
            AnchorsFile.Write(AnchorsPath, _magic, anchors);
            LogAnchorsSaved(log, anchors.Count, AnchorsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogAnchorsNotSaved(log, AnchorsPath, e.Message);
        }
    }

    /// <summary>A feeler's peer answered our version: its address is good (moves to tried) and the connection has done its job.</summary>
    private bool OnFeelerVersion(Peer peer)
    {
        if (peer.ConnectionType != Feeler) return true;
        if (peer.Remote is IPEndPoint remote) Addresses.Good(remote);
        LogFeelerCompleted(log, peer.Id, peer.Remote);
        peer.Disconnect("feeler connection completed");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} block-relay-only anchors will be tried for connections")]
    private static partial void LogAnchorsLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Anchors file {Path} is not usable ({Error}); starting without anchors")]
    private static partial void LogAnchorsUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} block-relay-only anchors to {Path}")]
    private static partial void LogAnchorsSaved(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the anchors file {Path}: {Error}")]
    private static partial void LogAnchorsNotSaved(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trying to make an anchor connection to {EndPoint}")]
    private static partial void LogAnchorConnecting(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} ({Remote}): feeler connection completed")]
    private static partial void LogFeelerCompleted(ILogger logger, long peerId, EndPoint remote);
}
