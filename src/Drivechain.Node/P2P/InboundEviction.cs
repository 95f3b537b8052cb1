namespace Drivechain.Node.P2P;

/// <summary>
/// Core's SelectNodeToEvict as a pure function: when the inbound slots are full, which inbound peer to drop for a new
/// one. Outbound and noban peers are never candidates. Protected, in order: 4 by keyed network group, the 8 with the lowest
/// ping, the 4 that most recently relayed a new transaction, up to 8 non-transaction-relay peers that recently relayed a
/// block, the 4 that most recently relayed a block, then half of the rest by longest uptime (a quarter of the total
/// reserved for local peers; Core also reserves it for onion, I2P and CJDNS peers, which this node has none of). Of the
/// rest, the network group with the most connections (ties: the one with the youngest member) loses its youngest.
/// </summary>
public static class InboundEviction
{
    /// <summary>The id of the peer to evict, or null when every candidate is protected.</summary>
    public static long? SelectNodeToEvict(IEnumerable<EvictionCandidate> all)
    {
        var candidates = all.Where(c => c.Inbound && !c.NoBan).ToList();
        EraseLast(candidates, c => c.OrderBy(x => x.KeyedNetGroup), 4);
        EraseLast(candidates, c => c.OrderByDescending(x => x.MinPing), 8);
        EraseLast(candidates, c => c.OrderBy(x => x.LastTxTime).ThenBy(x => x.RelayTxs).ThenByDescending(x => x.Connected), 4);
        EraseLast(candidates, c => c.OrderBy(x => !x.RelayTxs).ThenBy(x => x.LastBlockTime).ThenBy(x => x.RelevantServices).ThenByDescending(x => x.Connected),
            8, x => !x.RelayTxs && x.RelevantServices);
        EraseLast(candidates, c => c.OrderBy(x => x.LastBlockTime).ThenBy(x => x.RelevantServices).ThenByDescending(x => x.Connected), 4);
        ProtectByUptime(candidates);
        if (candidates.Count == 0) return null;
        if (candidates.Any(c => c.PreferEvict)) candidates = [.. candidates.Where(c => c.PreferEvict)];
        // Youngest first within each group; the group with the most members (ties: the youngest newest member) loses its youngest.
        var loser = candidates.GroupBy(c => c.KeyedNetGroup)
            .Select(g => g.OrderByDescending(c => c.Connected).ToList())
            .OrderByDescending(g => g.Count).ThenByDescending(g => g[0].Connected)
            .First();
        return loser[0].Id;
    }

    /// <summary>Core's EraseLastKElements: sorts, then removes up to <paramref name="k"/> elements from the end that match <paramref name="protectable"/>.</summary>
    private static void EraseLast(List<EvictionCandidate> candidates, Func<IEnumerable<EvictionCandidate>, IOrderedEnumerable<EvictionCandidate>> order,
        int k, Func<EvictionCandidate, bool>? protectable = null)
    {
        var sorted = order(candidates).ToList();
        var protectedCount = 0;
        for (var i = sorted.Count - 1; i >= 0 && protectedCount < k; i--)
        {
            if (protectable is not null && !protectable(sorted[i])) continue;
            sorted.RemoveAt(i);
            protectedCount++;
        }
        candidates.Clear();
        candidates.AddRange(sorted);
    }

    /// <summary>Core's ProtectEvictionCandidatesByRatio, local peers only: half of the candidates by uptime, a quarter reserved for local ones.</summary>
    private static void ProtectByUptime(List<EvictionCandidate> candidates)
    {
        var total = candidates.Count;
        var maxProtect = total / 2;
        if (maxProtect == 0) return;
        var local = candidates.Where(c => c.IsLocal).OrderBy(c => c.Connected).Take(total / 4).ToList();
        foreach (var c in local) candidates.Remove(c);
        var rest = maxProtect - local.Count;
        var oldest = candidates.OrderBy(c => c.Connected).Take(rest).ToList();
        foreach (var c in oldest) candidates.Remove(c);
        candidates.Sort((a, b) => b.Connected.CompareTo(a.Connected));
    }
}
