using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Everything signature hashing needs about one transaction, computed once (Core's PrecomputedTransactionData):
/// the spent outputs of all inputs, the BIP341 single-SHA256 midstates (sha_prevouts, sha_amounts,
/// sha_scriptpubkeys, sha_sequences, sha_outputs) and the BIP143 double-SHA256 hashes derived from them.
/// Immutable and safe to share between threads verifying different inputs.
/// </summary>
public sealed class PrecomputedTransactionData
{
    /// <summary>
    /// Precomputes for <paramref name="tx"/>; <paramref name="spentOutputs"/> holds the output spent by each input,
    /// in input order (same count as the inputs).
    /// </summary>
    public PrecomputedTransactionData(Transaction tx, IReadOnlyList<TxOut> spentOutputs)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(spentOutputs);
        if (spentOutputs.Count != tx.Inputs.Length)
            throw new ArgumentException($"{spentOutputs.Count} spent outputs for {tx.Inputs.Length} inputs", nameof(spentOutputs));
        Transaction = tx;
        SpentOutputs = spentOutputs;

        using (var w = new HashWriter())
        {
            foreach (var input in tx.Inputs) w.WriteOutPoint(input.PrevOut);
            ShaPrevouts = w.GetSha256();
        }
        using (var w = new HashWriter())
        {
            foreach (var input in tx.Inputs) w.WriteUInt32(input.Sequence);
            ShaSequences = w.GetSha256();
        }
        using (var w = new HashWriter())
        {
            foreach (var output in tx.Outputs) w.WriteTxOut(output);
            ShaOutputs = w.GetSha256();
        }
        using (var w = new HashWriter())
        {
            foreach (var spent in spentOutputs) w.WriteInt64(spent.Value.Satoshis);
            ShaAmounts = w.GetSha256();
        }
        using (var w = new HashWriter())
        {
            foreach (var spent in spentOutputs) w.WriteVarBytes(spent.ScriptPubKey.Span);
            ShaScriptPubKeys = w.GetSha256();
        }
        HashPrevouts = Crypto.Hashes.Sha256(ShaPrevouts.ToBytes());
        HashSequence = Crypto.Hashes.Sha256(ShaSequences.ToBytes());
        HashOutputs = Crypto.Hashes.Sha256(ShaOutputs.ToBytes());
    }

    /// <summary>The transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>The outputs spent by the inputs, in input order.</summary>
    public IReadOnlyList<TxOut> SpentOutputs { get; }

    /// <summary>BIP341 sha_prevouts (single SHA256, natural byte order).</summary>
    public UInt256 ShaPrevouts { get; }

    /// <summary>BIP341 sha_amounts.</summary>
    public UInt256 ShaAmounts { get; }

    /// <summary>BIP341 sha_scriptpubkeys.</summary>
    public UInt256 ShaScriptPubKeys { get; }

    /// <summary>BIP341 sha_sequences.</summary>
    public UInt256 ShaSequences { get; }

    /// <summary>BIP341 sha_outputs.</summary>
    public UInt256 ShaOutputs { get; }

    /// <summary>BIP143 hashPrevouts (double SHA256).</summary>
    public UInt256 HashPrevouts { get; }

    /// <summary>BIP143 hashSequence.</summary>
    public UInt256 HashSequence { get; }

    /// <summary>BIP143 hashOutputs.</summary>
    public UInt256 HashOutputs { get; }
}
