using Drivechain.Node.Mempool;

namespace Drivechain.Node.Mining;

public sealed partial class BlockAssembler
{
    /// <summary>
    /// Core's ancestor-package selection: repeatedly take the not-yet-included package (entry + unincluded ancestors)
    /// with the highest fee rate that fits the weight and sigop budget, ancestors first.
    /// </summary>
    private List<MempoolEntry> SelectPackages(HashSet<MempoolEntry> excluded, DrivechainPlan plan)
    {
        var weightBudget = Bitcoin.Validation.ConsensusLimits.MaxBlockWeight - CoinbaseReserveWeight - plan.Payouts.Sum(p => p.Transaction.Weight);
        var sigOpBudget = Bitcoin.Validation.ConsensusLimits.MaxBlockSigOpsCost - CoinbaseReserveSigOps;
        var included = new HashSet<MempoolEntry>();
        var order = new List<MempoolEntry>();
        var failed = new HashSet<MempoolEntry>();
        var queue = new PriorityQueue<MempoolEntry, (double, long)>();
        foreach (var entry in mempool.Pool.Entries)
        {
            if (excluded.Contains(entry)) continue;
            var (fee, size, _, _) = Package(entry, included);
            queue.Enqueue(entry, (-(double)fee / size, entry.Sequence));
        }

        while (queue.TryDequeue(out var entry, out var priority))
        {
            if (included.Contains(entry) || failed.Contains(entry)) continue;
            var (fee, size, weight, sigops) = Package(entry, included);
            var score = -(double)fee / size;
            if (score > priority.Item1 + 1e-12)
            {
                // Stale: some ancestors were included since; re-queue with the current package rate.
                queue.Enqueue(entry, (score, entry.Sequence));
                continue;
            }
            if (weight > weightBudget || sigops > sigOpBudget || PackageMembers(entry, included).Any(excluded.Contains))
            {
                failed.Add(entry);
                continue;
            }
            foreach (var member in PackageMembers(entry, included).OrderBy(m => m.Sequence))
            {
                included.Add(member);
                order.Add(member);
            }
            weightBudget -= weight;
            sigOpBudget -= sigops;
        }
        return order;
    }

    private static (long Fee, long Size, int Weight, int SigOps) Package(MempoolEntry entry, HashSet<MempoolEntry> included)
    {
        long fee = 0, size = 0;
        int weight = 0, sigops = 0;
        foreach (var member in PackageMembers(entry, included))
        {
            fee += member.Fee.Satoshis;
            size += member.VirtualSize;
            weight += member.Weight;
            sigops += member.SigOpCost;
        }
        return (fee, Math.Max(size, 1), weight, sigops);
    }

    private static IEnumerable<MempoolEntry> PackageMembers(MempoolEntry entry, HashSet<MempoolEntry> included)
    {
        var seen = new HashSet<MempoolEntry> { entry };
        var stack = new Stack<MempoolEntry>();
        stack.Push(entry);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var parent in e.Parents)
                if (!included.Contains(parent) && seen.Add(parent)) stack.Push(parent);
        }
    }
}
