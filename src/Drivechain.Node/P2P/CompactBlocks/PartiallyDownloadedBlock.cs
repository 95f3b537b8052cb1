using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.P2P.Messages;

namespace Drivechain.Node.P2P.CompactBlocks;

/// <summary>
/// A block being rebuilt from a <see cref="CompactBlock"/> (Core's PartiallyDownloadedBlock): prefilled transactions in
/// place, every short id matched against the candidates (the mempool), the rest listed as <see cref="MissingIndexes"/> for
/// getblocktxn, then <see cref="Fill"/> with the blocktxn answer. Two candidates with the same short id leave the slot
/// missing (requested); the same short id twice in the compact block, or a rebuilt block whose merkle roots do not match
/// (a collision), is <see cref="ReadStatus.Failed"/>: fetch the full block.
/// </summary>
public sealed class PartiallyDownloadedBlock
{
    private readonly Transaction?[] _slots;

    private PartiallyDownloadedBlock(CompactBlock compact, Transaction?[] slots, int fromCandidates)
    {
        Compact = compact;
        _slots = slots;
        FromCandidates = fromCandidates;
        MissingIndexes = [.. Enumerable.Range(0, slots.Length).Where(i => slots[i] is null)];
    }

    public CompactBlock Compact { get; }

    public UInt256 Hash => Compact.Header.Hash;

    /// <summary>Transactions found among the candidates (the mempool).</summary>
    public int FromCandidates { get; }

    /// <summary>Indexes of the transactions to ask for with getblocktxn, ascending.</summary>
    public ImmutableArray<int> MissingIndexes { get; }

    public static ReadStatus TryCreate(CompactBlock compact, IEnumerable<Transaction> candidates, out PartiallyDownloadedBlock? partial)
    {
        partial = null;
        var count = compact.TransactionCount;
        if (count == 0 || count > CompactBlock.MaxTransactions) return ReadStatus.Invalid;
        var slots = new Transaction?[count];
        var prefilled = new bool[count];
        var previous = -1;
        foreach (var p in compact.Prefilled)
        {
            if (p.Index >= count || p.Index <= previous) return ReadStatus.Invalid;   // past the end, or not ascending
            previous = p.Index;
            slots[p.Index] = p.Transaction;
            prefilled[p.Index] = true;
        }
        var positions = new Dictionary<ulong, int>(compact.ShortIds.Length);
        var next = 0;
        foreach (var id in compact.ShortIds)
        {
            while (prefilled[next]) next++;
            if (!positions.TryAdd(id, next)) return ReadStatus.Failed;   // the same short id twice in one block
            next++;
        }
        var matched = new bool[count];
        var found = 0;
        foreach (var tx in candidates)
        {
            if (!positions.TryGetValue(compact.Key.ShortId(tx.WTxId), out var slot)) continue;
            if (!matched[slot])
            {
                matched[slot] = true;
                slots[slot] = tx;
                found++;
            }
            else if (slots[slot] is not null && slots[slot]!.WTxId != tx.WTxId)
            {
                slots[slot] = null;   // two candidates share the short id: ask for it
                found--;
            }
        }
        partial = new PartiallyDownloadedBlock(compact, slots, found);
        return ReadStatus.Ok;
    }

    /// <summary>
    /// Completes the block with the transactions of a blocktxn (in <see cref="MissingIndexes"/> order). Invalid when their
    /// number differs; Failed when the result's merkle root or witness commitment does not match (a short-id collision).
    /// </summary>
    public ReadStatus Fill(IReadOnlyList<Transaction> missing, bool checkWitnessRoot, out Block? block)
    {
        block = null;
        if (missing.Count != MissingIndexes.Length) return ReadStatus.Invalid;
        var transactions = ImmutableArray.CreateBuilder<Transaction>(_slots.Length);
        var taken = 0;
        foreach (var slot in _slots) transactions.Add(slot ?? missing[taken++]);
        var candidate = new Block(Compact.Header, transactions.MoveToImmutable());
        if (BlockValidation.IsBlockMutated(candidate, checkWitnessRoot)) return ReadStatus.Failed;
        block = candidate;
        return ReadStatus.Ok;
    }
}
