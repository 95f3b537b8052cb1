using System.Numerics;
using Drivechain.Node.Chain;

namespace Drivechain.Node.P2P.Sync;

/// <summary>
/// How far block sync is, as Core tells it: <see cref="IsInitialBlockDownload"/> (Core's IsInitialBlockDownload: the tip
/// has less than -minimumchainwork or is more than 24 h old; once false it stays false), the progress estimate (tip
/// height over the best header's height — Core's GuessVerificationProgress uses per-network transaction statistics
/// we do not carry; both give 1 when synced), and the rate-limited UpdateTip progress line (at most one per
/// <see cref="LogInterval"/>, and always when the tip reaches the best header).
/// </summary>
public sealed class SyncProgress(BigInteger minimumChainWork)
{
    /// <summary>Core's DEFAULT_MAX_TIP_AGE.</summary>
    public static readonly TimeSpan MaxTipAge = TimeSpan.FromHours(24);

    /// <summary>At most one progress line per this interval while syncing.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private bool _leftInitialDownload;
    private DateTimeOffset _lastLog = DateTimeOffset.MinValue;
    private int _lastLoggedHeight = -1;

    /// <summary>Core's IsInitialBlockDownload (latches to false).</summary>
    public bool IsInitialBlockDownload(BlockIndex tip, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_leftInitialDownload) return false;
            if (tip.ChainWork < minimumChainWork) return true;
            if (DateTimeOffset.FromUnixTimeSeconds(tip.Header.Time) < now - MaxTipAge) return true;
            _leftInitialDownload = true;
            return false;
        }
    }

    /// <summary>The progress estimate: 1 when the tip is the best header we know, else the share of its height.</summary>
    public static double Estimate(int height, int headerHeight) =>
        headerHeight <= height || headerHeight <= 0 ? 1.0 : (double)height / headerHeight;

    /// <summary>
    /// A new tip: the progress line to log, or null when one was logged less than <see cref="LogInterval"/> ago and the tip
    /// has not reached the best header.
    /// </summary>
    public ProgressReport? Observe(BlockIndex tip, int headerHeight, DateTimeOffset now)
    {
        lock (_lock)
        {
            headerHeight = Math.Max(headerHeight, tip.Height);
            var reachedHeaders = tip.Height == headerHeight;
            if (tip.Height == _lastLoggedHeight || (now - _lastLog < LogInterval && !reachedHeaders)) return null;
            var seconds = _lastLog == DateTimeOffset.MinValue ? 0 : (now - _lastLog).TotalSeconds;
            var rate = seconds > 0 && tip.Height > _lastLoggedHeight ? (tip.Height - _lastLoggedHeight) / seconds : 0;
            TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds((headerHeight - tip.Height) / rate) : null;
            _lastLog = now;
            _lastLoggedHeight = tip.Height;
            return new ProgressReport(tip.Hash, tip.Height, headerHeight, DateTimeOffset.FromUnixTimeSeconds(tip.Header.Time),
                Estimate(tip.Height, headerHeight), rate, eta);
        }
    }
}
