using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Mempool;

/// <summary>A transaction in the mempool with what acceptance computed about it.</summary>
public sealed class MempoolEntry
{
    public MempoolEntry(Transaction tx, Money fee, int sigOpCost, long time, int height, long sequence, IReadOnlyList<TxOut> spentOutputs)
    {
        Transaction = tx;
        Fee = fee;
        SigOpCost = sigOpCost;
        Time = time;
        Height = height;
        Sequence = sequence;
        SpentOutputs = spentOutputs;
        _ = M8BmmRequest.TryParse(tx, out var m8);
        BmmRequest = m8;
        // Spec §7.4: an M8 carries the weight of the M7 the miner must add (48 bytes × 4).
        Weight = tx.Weight + (m8 is null ? 0 : 192);
        // Core's GetVirtualTransactionSize with the sigop adjustment (bytes per sigop 20).
        VirtualSize = Math.Max((Weight + 3) / 4, (SigOpCost * 20 + 3) / 4);
    }

    public Transaction Transaction { get; }
    public UInt256 TxId => Transaction.TxId;
    public Money Fee { get; }
    public int SigOpCost { get; }
    public int Weight { get; }
    public int VirtualSize { get; }
    public long Time { get; }
    public int Height { get; }

    /// <summary>Entry order (for deterministic iteration and re-acceptance after reorgs).</summary>
    public long Sequence { get; }

    /// <summary>The outputs this transaction spends, in input order (for script checks and sighashes).</summary>
    public IReadOnlyList<TxOut> SpentOutputs { get; }

    /// <summary>The BIP301 M8 request this transaction carries, if any.</summary>
    public M8BmmRequest? BmmRequest { get; }

    public HashSet<MempoolEntry> Parents { get; } = [];
    public HashSet<MempoolEntry> Children { get; } = [];

    /// <summary>BIP125 opt-in signal: some input has nSequence &lt; 0xfffffffe.</summary>
    public bool SignalsReplaceability => Transaction.Inputs.Any(i => i.Sequence < 0xfffffffe);

    /// <summary>Fee rate in satoshis per 1000 virtual bytes.</summary>
    public long FeeRatePerKvB => Fee.Satoshis * 1000 / VirtualSize;

    public override string ToString() => TxId.ToString();
}
