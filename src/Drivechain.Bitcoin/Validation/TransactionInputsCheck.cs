using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>Core's Consensus::CheckTxInputs: the input-side rules of a non-coinbase transaction.</summary>
public static class TransactionInputsCheck
{
    /// <summary>
    /// Checks <paramref name="tx"/> against the coins its inputs spend (<paramref name="coins"/>, one per input, all
    /// present — a missing input is "bad-txns-inputs-missingorspent", decided by the caller): coinbase maturity at
    /// <paramref name="spendHeight"/>, input values and their sum in range, inputs ≥ outputs and the fee in range.
    /// Returns null and the fee when the inputs pass. The outputs must already have passed CheckTransaction.
    /// </summary>
    public static TxValidationError? Check(Transaction tx, ReadOnlySpan<Coin> coins, int spendHeight, int coinbaseMaturity, out Money fee)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (coins.Length != tx.Inputs.Length) throw new ArgumentException("one coin per input is required", nameof(coins));
        fee = Money.Zero;
        long valueIn = 0;
        foreach (var coin in coins)
        {
            if (coin.IsCoinbase && spendHeight - coin.Height < coinbaseMaturity)
                return new TxValidationError("bad-txns-premature-spend-of-coinbase", $"tried to spend coinbase at depth {spendHeight - coin.Height}");
            long value = coin.Output.Value.Satoshis;
            if (!Money.InRange(value)) return new TxValidationError("bad-txns-inputvalues-outofrange", "");
            valueIn += value;   // both terms ≤ MAX_MONEY: cannot overflow
            if (!Money.InRange(valueIn)) return new TxValidationError("bad-txns-inputvalues-outofrange", "");
        }
        long valueOut = tx.TotalOutputSatoshis;
        if (valueIn < valueOut)
            return new TxValidationError("bad-txns-in-belowout", $"value in ({new Money(valueIn)}) < value out ({new Money(valueOut)})");
        long txFee = valueIn - valueOut;
        if (!Money.InRange(txFee)) return new TxValidationError("bad-txns-fee-outofrange", "");
        fee = new Money(txFee);
        return null;
    }
}
