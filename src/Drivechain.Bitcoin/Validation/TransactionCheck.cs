using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Core's CheckTransaction: the context-free checks of a transaction. <see cref="Check"/> returns null when the
/// transaction passes, otherwise Core's reject reason ("bad-txns-vin-empty", …).
/// </summary>
public static class TransactionCheck
{
    /// <summary>Core's MAX_BLOCK_WEIGHT.</summary>
    public const int MaxBlockWeight = 4_000_000;

    /// <summary>No inputs.</summary>
    public const string VinEmpty = "bad-txns-vin-empty";
    /// <summary>No outputs.</summary>
    public const string VoutEmpty = "bad-txns-vout-empty";
    /// <summary>Size without witness × 4 above the block weight limit.</summary>
    public const string Oversize = "bad-txns-oversize";
    /// <summary>An output value below zero.</summary>
    public const string VoutNegative = "bad-txns-vout-negative";
    /// <summary>An output value above MAX_MONEY.</summary>
    public const string VoutTooLarge = "bad-txns-vout-toolarge";
    /// <summary>The output total above MAX_MONEY.</summary>
    public const string TxOutTotalTooLarge = "bad-txns-txouttotal-toolarge";
    /// <summary>Two inputs spend the same outpoint.</summary>
    public const string InputsDuplicate = "bad-txns-inputs-duplicate";
    /// <summary>Coinbase scriptSig not 2..100 bytes.</summary>
    public const string CoinbaseLength = "bad-cb-length";
    /// <summary>A non-coinbase input with a null prevout.</summary>
    public const string PrevoutNull = "bad-txns-prevout-null";

    /// <summary>Runs the checks in Core's order; null when valid, else the reject reason.</summary>
    public static string? Check(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.Inputs.IsEmpty) return VinEmpty;
        if (tx.Outputs.IsEmpty) return VoutEmpty;
        if ((long)tx.BaseSize * Transaction.WitnessScaleFactor > MaxBlockWeight) return Oversize;

        long total = 0;
        foreach (var output in tx.Outputs)
        {
            long value = output.Value.Satoshis;
            if (value < 0) return VoutNegative;
            if (value > Money.MaxMoneySatoshis) return VoutTooLarge;
            total += value;
            if (!Money.InRange(total)) return TxOutTotalTooLarge;
        }

        if (HasDuplicateInputs(tx.Inputs)) return InputsDuplicate;

        if (tx.IsCoinbase)
        {
            int length = tx.Inputs[0].ScriptSig.Length;
            if (length < 2 || length > 100) return CoinbaseLength;
        }
        else
        {
            foreach (var input in tx.Inputs)
                if (input.PrevOut.IsNull) return PrevoutNull;
        }
        return null;
    }

    /// <summary>Below this many inputs a pairwise scan beats allocating a set (most transactions).</summary>
    private const int PairwiseDuplicateScanLimit = 16;

    private static bool HasDuplicateInputs(System.Collections.Immutable.ImmutableArray<TxIn> inputs)
    {
        if (inputs.Length <= PairwiseDuplicateScanLimit)
        {
            for (int i = 1; i < inputs.Length; i++)
                for (int j = 0; j < i; j++)
                    if (inputs[i].PrevOut == inputs[j].PrevOut) return true;
            return false;
        }
        var seen = new HashSet<OutPoint>(inputs.Length);
        foreach (var input in inputs)
            if (!seen.Add(input.PrevOut)) return true;
        return false;
    }
}
