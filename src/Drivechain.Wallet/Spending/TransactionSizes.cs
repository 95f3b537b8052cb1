using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Wallet.Spending;

/// <summary>
/// Upper bounds of virtual sizes, as Core's wallet estimates them before signing: a P2WPKH input with a 72-byte
/// signature is 68 vB; an input with an empty scriptSig and no witness (a treasury CTIP, OP_DRIVECHAIN … OP_TRUE) 41 vB.
/// The signed transaction is never larger, so its fee rate is never below the one asked for.
/// </summary>
public static class TransactionSizes
{
    /// <summary>Witness weight of a P2WPKH spend: item count, 72-byte signature, 33-byte key, each with its length byte.</summary>
    public const int P2wpkhWitnessWeight = 1 + 1 + 72 + 1 + 33;

    /// <summary>Core's vsize of a P2WPKH input.</summary>
    public const int P2wpkhInputVSize = 68;

    /// <summary>Non-witness bytes of an input with an empty scriptSig.</summary>
    public const int BareInputSize = 32 + 4 + 1 + 4;

    /// <summary>Serialized size of one output.</summary>
    public static int OutputSize(TxOut output) => output.SerializedSize;

    /// <summary>Serialized size of a P2WPKH output (31 bytes).</summary>
    public const int P2wpkhOutputSize = 31;

    /// <summary>The estimated vsize of a transaction with these inputs (true = P2WPKH, false = bare) and outputs.</summary>
    public static int EstimateVSize(IReadOnlyList<bool> witnessInputs, IEnumerable<TxOut> outputs)
    {
        var outputList = outputs.ToList();
        var baseSize = 4 + 4 + BitcoinWriter.CompactSizeLength((ulong)witnessInputs.Count) + BitcoinWriter.CompactSizeLength((ulong)outputList.Count)
            + witnessInputs.Count * BareInputSize + outputList.Sum(OutputSize);
        var weight = baseSize * 4;
        if (witnessInputs.Any(w => w))
            weight += 2 + witnessInputs.Sum(w => w ? P2wpkhWitnessWeight : 1);
        return (weight + 3) / 4;
    }

    /// <summary>
    /// Core's GetDustThreshold at the 3 sat/vB dust relay fee: (output size + the size of spending it: 67 for a witness
    /// program, 148 otherwise) × 3; OP_RETURN outputs are never dust (0).
    /// </summary>
    public static long DustThreshold(TxOut output)
    {
        var script = output.ScriptPubKey.Span;
        if (script.Length > 0 && script[0] == 0x6a) return 0;
        var witnessProgram = script.Length is >= 4 and <= 42 && (script[0] == 0 || script[0] is >= 0x51 and <= 0x60) && script[1] + 2 == script.Length;
        return 3 * (output.SerializedSize + (witnessProgram ? 67 : 148));
    }

    /// <summary>Fee in satoshis of <paramref name="vsize"/> at <paramref name="satPerKvB"/> (Core's CFeeRate::GetFee, rounded up).</summary>
    public static long Fee(int vsize, long satPerKvB) => (vsize * satPerKvB + 999) / 1000;
}
