namespace Drivechain.Wallet.Spending;

/// <summary>How the fee is set: a rate in satoshis per 1000 vbytes, or an exact amount.</summary>
public abstract record FeeMode
{
    private FeeMode() { }

    /// <summary>Fee = estimated vsize × rate (rounded up).</summary>
    public sealed record Rate(long SatPerKvB) : FeeMode;

    /// <summary>Fee = exactly <paramref name="Satoshis"/> (deposits, BMM bids, explicit fees).</summary>
    public sealed record Absolute(long Satoshis) : FeeMode;
}
