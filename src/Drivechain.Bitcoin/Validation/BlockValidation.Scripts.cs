using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Validation;

public static partial class BlockValidation
{
    /// <summary>
    /// Verifies every input script of the non-coinbase transactions; returns the failure of the earliest failing input
    /// in block order (deterministic whatever the thread scheduling), or null. Transactions in <paramref name="cache"/> are skipped.
    /// </summary>
    private static BlockValidationError? VerifyScripts(ImmutableArray<Transaction> txs, TxOut[][] spentOutputs, ScriptVerifyFlags flags,
        ISecp256k1 secp, ScriptCheckMode mode, IScriptExecutionCache? cache)
    {
        var skip = new bool[txs.Length];
        int total = 0;
        for (int i = 1; i < txs.Length; i++)
        {
            skip[i] = cache is not null && cache.IsVerified(txs[i]);
            if (!skip[i]) total += txs[i].Inputs.Length;
        }
        if (total == 0) return null;

        // Flat (transaction, input) list in block order.
        var txIndex = new int[total];
        var inputIndex = new int[total];
        for (int i = 1, k = 0; i < txs.Length; i++)
            for (int j = 0; !skip[i] && j < txs[i].Inputs.Length; j++, k++)
            {
                txIndex[k] = i;
                inputIndex[k] = j;
            }

        var txData = new PrecomputedTransactionData[txs.Length];
        int firstFailure = int.MaxValue;
        var failure = ScriptError.Ok;

        if (mode == ScriptCheckMode.Sequential)
        {
            for (int k = 0; k < total; k++)
            {
                int i = txIndex[k];
                txData[i] ??= new PrecomputedTransactionData(txs[i], spentOutputs[i]);
                if (!ScriptVerifier.VerifyInput(txData[i], inputIndex[k], flags, secp, out var error))
                {
                    firstFailure = k;
                    failure = error;
                    break;
                }
            }
        }
        else
        {
            Parallel.For(1, txs.Length, i =>
            {
                if (!skip[i]) txData[i] = new PrecomputedTransactionData(txs[i], spentOutputs[i]);
            });
            var errors = new ScriptError[total];
            Parallel.For(0, total, k =>
            {
                // Inputs after a known failure cannot change the answer; inputs before it are always checked, so the
                // minimum failing index is exact.
                if (k > Volatile.Read(ref firstFailure)) return;
                if (ScriptVerifier.VerifyInput(txData[txIndex[k]], inputIndex[k], flags, secp, out var error)) return;
                errors[k] = error;
                int seen = Volatile.Read(ref firstFailure);
                while (k < seen)
                {
                    int previous = Interlocked.CompareExchange(ref firstFailure, k, seen);
                    if (previous == seen) break;
                    seen = previous;
                }
            });
            if (firstFailure != int.MaxValue) failure = errors[firstFailure];
        }

        if (firstFailure == int.MaxValue) return null;
        var tx = txs[txIndex[firstFailure]];
        int n = inputIndex[firstFailure];
        var prevOut = tx.Inputs[n].PrevOut;
        return BlockValidationError.Consensus($"block-script-verify-flag-failed ({failure.ToCoreMessage()})",
            $"input {n} of {tx.TxId} (wtxid {tx.WTxId}), spending {prevOut.TxId}:{prevOut.Index}");
    }
}
