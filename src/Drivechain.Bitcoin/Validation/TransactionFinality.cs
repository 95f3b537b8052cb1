using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>Absolute lock time (nLockTime) finality, Core's IsFinalTx.</summary>
public static class TransactionFinality
{
    /// <summary>
    /// True when <paramref name="tx"/> may be in a block at <paramref name="blockHeight"/> whose lock-time cutoff is
    /// <paramref name="blockTime"/> (the previous block's median time past once BIP113/CSV is active, else the block's
    /// own time): lock time 0, or below the height (lock time &lt; 500,000,000) or below the time, or every input's
    /// sequence final.
    /// </summary>
    public static bool IsFinal(Transaction tx, int blockHeight, long blockTime)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.LockTime == 0) return true;
        long limit = tx.LockTime < ConsensusLimits.LockTimeThreshold ? blockHeight : blockTime;
        if (tx.LockTime < limit) return true;
        foreach (var input in tx.Inputs)
            if (input.Sequence != TxIn.SequenceFinal) return false;
        return true;
    }
}
