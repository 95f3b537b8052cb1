using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.Sync;

/// <summary>What the <see cref="BlockDownloadScheduler"/> knows of one peer (Core's CNodeState, download part).</summary>
internal sealed class PeerDownloadState
{
    /// <summary>The most-work header the peer announced that we keep in the tree (Core's pindexBestKnownBlock).</summary>
    public HeaderNode? BestKnown { get; set; }

    /// <summary>Blocks requested from the peer, oldest first (Core's vBlocksInFlight).</summary>
    public List<UInt256> InFlight { get; } = [];

    /// <summary>Since when the peer has been downloading its oldest block in flight (Core's m_downloading_since).</summary>
    public DateTimeOffset DownloadingSince { get; set; }

    /// <summary>Since when the peer holds up the download window (Core's m_stalling_since; null: not stalling).</summary>
    public DateTimeOffset? StallingSince { get; set; }
}
