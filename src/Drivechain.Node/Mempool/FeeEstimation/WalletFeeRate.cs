using Drivechain.Node.Hosting;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Spending;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>
/// The wallet's fee rate when the caller gives none, as Core's wallet: the estimate for <see cref="ConfirmTarget"/> blocks
/// (economical, since the wallet signals RBF), at least the minimum relay fee; without an estimate, <c>-fallbackfee</c>;
/// with that 0 (the default except on regtest) the wallet refuses to guess.
/// </summary>
public sealed class WalletFeeRate(FeeEstimatorService estimator, IOptions<NodeOptions> options)
{
    /// <summary>Core's -txconfirmtarget default.</summary>
    public const int ConfirmTarget = 6;

    /// <summary>Core's regtest fallback fee (its functional tests' value): 0.0002 BTC/kvB.</summary>
    public const long RegtestFallbackPerKvB = 20_000;

    public const string FallbackDisabled = "Fee estimation failed. Fallbackfee is disabled. Wait a few blocks or enable -fallbackfee.";

    private readonly long _fallbackPerKvB = options.Value.FallbackFee is { } btc
        ? (long)(btc * 100_000_000m)
        : options.Value.ResolveChain() == ChainKind.Regtest ? RegtestFallbackPerKvB : 0;

    /// <summary>The default rate, and whether it came from the estimator (else the fallback fee).</summary>
    public (FeeMode.Rate Rate, bool Estimated) Get()
    {
        var estimate = estimator.Estimator.EstimateSmartFee(ConfirmTarget, conservative: false);
        if (estimate.Found) return (new FeeMode.Rate(Math.Max(estimate.FeeRatePerKvB, StandardPolicy.MinRelayFeePerKvB)), true);
        if (_fallbackPerKvB == 0) throw new WalletException(WalletErrorCode.InsufficientFunds, FallbackDisabled);
        return (new FeeMode.Rate(_fallbackPerKvB), false);
    }

    /// <summary>The default rate (see <see cref="Get"/>).</summary>
    public FeeMode.Rate Default() => Get().Rate;
}
