namespace Drivechain.Bitcoin.Validation;

/// <summary>Bitcoin Core's consensus constants used by block validation (consensus.h, chain.h, tx_verify.h).</summary>
public static class ConsensusLimits
{
    /// <summary>MAX_BLOCK_WEIGHT: BIP141 weight limit of a block.</summary>
    public const int MaxBlockWeight = 4_000_000;

    /// <summary>MAX_BLOCK_SIGOPS_COST: sigop cost limit of a block.</summary>
    public const int MaxBlockSigOpsCost = 80_000;

    /// <summary>WITNESS_SCALE_FACTOR.</summary>
    public const int WitnessScaleFactor = 4;

    /// <summary>LOCKTIME_THRESHOLD: lock times below it are heights, at or above it Unix times.</summary>
    public const uint LockTimeThreshold = 500_000_000;

    /// <summary>MAX_FUTURE_BLOCK_TIME: a block may be at most two hours ahead of "now".</summary>
    public const long MaxFutureBlockTime = 2 * 60 * 60;

    /// <summary>The number of blocks whose median time is the median time past (Core's nMedianTimeSpan).</summary>
    public const int MedianTimeSpan = 11;

    /// <summary>SEQUENCE_LOCKTIME_GRANULARITY: BIP68 time locks are in units of 2^9 = 512 seconds.</summary>
    public const int SequenceLockTimeGranularity = 9;

    /// <summary>
    /// BIP34_IMPLIES_BIP30_LIMIT: from this height on, BIP30 is checked again even on the chain where BIP34 activated
    /// (earlier coinbases may encode these heights).
    /// </summary>
    public const int Bip34ImpliesBip30Limit = 1_983_702;
}
