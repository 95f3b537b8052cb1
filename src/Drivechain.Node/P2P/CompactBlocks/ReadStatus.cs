namespace Drivechain.Node.P2P.CompactBlocks;

/// <summary>Core's ReadStatus: <see cref="Invalid"/> costs the peer; <see cref="Failed"/> (a short-id collision) falls back to the full block.</summary>
public enum ReadStatus
{
    Ok,
    Invalid,
    Failed,
}
