using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.Sync;

/// <summary>One UpdateTip log line: the new tip, the estimated progress (0–1), the rate since the last line and the ETA.</summary>
public readonly record struct ProgressReport(UInt256 Hash, int Height, int HeaderHeight, DateTimeOffset BlockTime, double Progress,
    double BlocksPerSecond, TimeSpan? Eta);
