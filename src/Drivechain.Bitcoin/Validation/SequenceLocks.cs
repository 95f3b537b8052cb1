using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>BIP68 relative lock times (Core's CalculateSequenceLocks and EvaluateSequenceLocks).</summary>
public static class SequenceLocks
{
    /// <summary>
    /// The lock of <paramref name="tx"/> given the heights of the coins its inputs spend. Enforced only when
    /// <paramref name="enforceBip68"/> (CSV active) and the version, read unsigned, is at least 2; inputs with the
    /// disable flag are ignored. A time lock counts from the median time past of the block before the coin's block,
    /// read from <paramref name="history"/>.
    /// </summary>
    public static SequenceLock Calculate(Transaction tx, ReadOnlySpan<int> coinHeights, bool enforceBip68, IChainHistory history)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(history);
        if (coinHeights.Length != tx.Inputs.Length) throw new ArgumentException("one coin height per input is required", nameof(coinHeights));
        int minHeight = -1;
        long minTime = -1;
        if (!enforceBip68 || tx.Version < 2) return new SequenceLock(minHeight, minTime);
        for (int i = 0; i < coinHeights.Length; i++)
        {
            uint sequence = tx.Inputs[i].Sequence;
            if ((sequence & TxIn.SequenceLockTimeDisableFlag) != 0) continue;
            int coinHeight = coinHeights[i];
            long value = sequence & TxIn.SequenceLockTimeMask;
            if ((sequence & TxIn.SequenceLockTimeTypeFlag) != 0)
            {
                long coinTime = history.GetMedianTimePast(Math.Max(coinHeight - 1, 0));
                minTime = Math.Max(minTime, coinTime + (value << ConsensusLimits.SequenceLockTimeGranularity) - 1);
            }
            else
            {
                minHeight = Math.Max(minHeight, coinHeight + (int)value - 1);
            }
        }
        return new SequenceLock(minHeight, minTime);
    }

    /// <summary>
    /// True when the lock is satisfied by a block at <paramref name="blockHeight"/> whose parent's median time past is
    /// <paramref name="previousMedianTimePast"/>.
    /// </summary>
    public static bool Evaluate(SequenceLock sequenceLock, int blockHeight, long previousMedianTimePast) =>
        sequenceLock.MinHeight < blockHeight && sequenceLock.MinTime < previousMedianTimePast;
}
