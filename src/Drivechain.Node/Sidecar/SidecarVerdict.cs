using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// The sidecar's verdict on one block of Core's chain: accepted (its state digest after it) or rejected with the spec's
/// code (and then invalidated on Core). <see cref="Timestamp"/> is <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>
/// when the verdict was reached (for lag figures).
/// </summary>
public sealed record SidecarVerdict(int Height, UInt256 Hash, string? RejectCode, UInt256 Digest, long Timestamp)
{
    /// <summary>True when the block passed the drivechain rules.</summary>
    public bool Accepted => RejectCode is null;
}
