using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Mempool;

/// <summary>
/// The node's mempool: acceptance with Core's checks and standardness plus the drivechain policy of spec §7, and
/// re-validation against every new tip (eviction of mined and conflicting transactions, re-admission after a
/// disconnect, expiry of BMM requests). All members must be called with <see cref="NodeChain.Lock"/> held.
/// </summary>
public sealed partial class NodeMempool : IScriptExecutionCache
{
    private readonly NodeChain _node;
    private readonly TimeProvider _clock;
    private readonly ILogger<NodeMempool> _log;
    private readonly HashSet<UInt256> _scriptsVerified = [];
    private readonly List<Block> _disconnected = [];
    private readonly List<Block> _connected = [];
    private ChainManager? _subscribed;

    public NodeMempool(NodeChain node, TimeProvider clock, ILogger<NodeMempool> log)
    {
        _node = node;
        _clock = clock;
        _log = log;
    }

    public TxMempool Pool { get; } = new();

    /// <summary>True when the transaction's scripts passed verification here, under the standard flags (the script cache of templates).</summary>
    public bool IsVerified(Transaction tx) => _scriptsVerified.Contains(tx.WTxId);

    /// <summary>Starts following the chain's connect/disconnect events (idempotent; the chain must be loaded).</summary>
    public void EnsureSubscribed()
    {
        var chain = _node.Chain;
        if (ReferenceEquals(_subscribed, chain)) return;
        chain.BlockConnected += (_, e) => _connected.Add(e.Block);
        chain.BlockDisconnected += (_, e) => _disconnected.Add(e.Block);
        _subscribed = chain;
    }

    /// <summary>
    /// After the tip moved: puts the transactions of disconnected blocks back, drops what the connected blocks
    /// confirmed or conflict with, and re-checks everything else against the new tip (Core's removeForBlock +
    /// MaybeUpdateMempoolForReorg; BMM requests naming the old tip expire here, spec §7.5).
    /// </summary>
    public void SyncWithChain()
    {
        if (_connected.Count == 0 && _disconnected.Count == 0) return;
        var confirmed = new HashSet<UInt256>();
        foreach (var block in _connected)
            foreach (var tx in block.Transactions) confirmed.Add(tx.TxId);

        var candidates = new List<Transaction>();
        // Disconnected blocks arrive tip first; their transactions go back oldest block first.
        for (var b = _disconnected.Count - 1; b >= 0; b--)
            foreach (var tx in _disconnected[b].Transactions.Skip(1)) candidates.Add(tx);
        candidates.AddRange(Pool.Entries.Select(e => e.Transaction));
        _connected.Clear();
        _disconnected.Clear();

        var before = Pool.Count;
        Pool.Clear();
        var dropped = 0;
        foreach (var tx in candidates)
        {
            if (confirmed.Contains(tx.TxId) || Pool.Contains(tx.TxId)) continue;
            if (!Accept(tx, testOnly: false).Accepted) dropped++;
        }
        LogSynced(_log, before, Pool.Count, dropped);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mempool re-checked against the new tip: {Before} -> {After} transactions, {Dropped} dropped")]
    private static partial void LogSynced(ILogger logger, int before, int after, int dropped);
}
