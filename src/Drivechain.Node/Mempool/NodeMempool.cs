using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Mempool;

/// <summary>
/// The node's mempool: acceptance with Core's checks and standardness plus the drivechain policy of spec §7, and
/// re-validation against every new tip (eviction of mined and conflicting transactions, re-admission after a
/// disconnect, expiry of BMM requests). All members must be called holding the chain lock (<see cref="NodeChain.EnterLock"/>).
/// </summary>
public sealed partial class NodeMempool : IScriptExecutionCache
{
    private readonly NodeChain _node;
    private readonly TimeProvider _clock;
    private readonly ILogger<NodeMempool> _log;
    private readonly HashSet<UInt256> _scriptsVerified = [];
    private TipChangeSubscription? _tipChanges;
    private bool _rechecking;

    public NodeMempool(NodeChain node, TimeProvider clock, ILogger<NodeMempool> log)
    {
        _node = node;
        _clock = clock;
        _log = log;
    }

    public TxMempool Pool { get; } = new();

    /// <summary>
    /// Raised under the chain lock when a transaction newly enters the pool (not when a re-check against a new tip puts one
    /// back): the fee estimator's input (Mempool/FeeEstimation).
    /// </summary>
    public event Action<MempoolEntry>? TransactionAdded;

    /// <summary>Raised under the chain lock when a pool transaction leaves it unconfirmed (replaced, or invalid on the new tip).</summary>
    public event Action<UInt256>? TransactionRemoved;

    /// <summary>True when the transaction's scripts passed verification here, under the standard flags (the script cache of templates).</summary>
    public bool IsVerified(Transaction tx) => _scriptsVerified.Contains(tx.WTxId);

    /// <summary>
    /// Follows the tip-change stream: applies every change published since the last call (the first call subscribes).
    /// Disconnected blocks put their transactions back, connected blocks drop what they confirmed or conflict with, and
    /// everything else is re-checked against the new tip (Core's removeForBlock + MaybeUpdateMempoolForReorg; BMM requests
    /// naming the old tip expire here, spec §7.5). When the subscription was dropped for falling behind, the whole pool
    /// is re-checked against the tip. True when the tip had moved.
    /// </summary>
    public bool SyncWithChain()
    {
        if (_tipChanges is null)
        {
            Follow();
            return false;
        }
        var connected = new List<Block>();
        var disconnected = new List<Block>();
        while (_tipChanges.Reader.TryRead(out var change))
        {
            if (change is TipChange.Connected) connected.Add(change.Block);
            else disconnected.Add(change.Block);
        }
        var dropped = _tipChanges.WasDropped;
        if (dropped)
        {
            _tipChanges.Dispose();
            Follow();
            LogFellBehind(_log);
        }
        if (connected.Count == 0 && disconnected.Count == 0 && !dropped) return false;
        Resync(connected, disconnected);
        return true;
    }

    /// <summary>Subscribes to the tip-change stream: every change from now on reaches the pool through <see cref="SyncWithChain"/>.</summary>
    private void Follow() => _tipChanges = _node.Chain.SubscribeTipChanges("mempool", out _, out _);

    private void Resync(List<Block> connected, List<Block> disconnected)
    {
        var confirmed = new HashSet<UInt256>();
        foreach (var block in connected)
            foreach (var tx in block.Transactions) confirmed.Add(tx.TxId);

        var candidates = new List<Transaction>();
        // Disconnected blocks arrive tip first; their transactions go back oldest block first.
        for (var b = disconnected.Count - 1; b >= 0; b--)
            foreach (var tx in disconnected[b].Transactions.Skip(1)) candidates.Add(tx);
        candidates.AddRange(Pool.Entries.Select(e => e.Transaction));

        var before = Pool.Count;
        Pool.Clear();
        var dropped = 0;
        _rechecking = true;
        try
        {
            foreach (var tx in candidates)
            {
                if (confirmed.Contains(tx.TxId) || Pool.Contains(tx.TxId)) continue;
                if (Accept(tx, testOnly: false).Accepted) continue;
                dropped++;
                TransactionRemoved?.Invoke(tx.TxId);
            }
        }
        finally
        {
            _rechecking = false;
        }
        LogSynced(_log, before, Pool.Count, dropped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mempool fell behind the tip-change stream; re-checking every pool transaction against the tip")]
    private static partial void LogFellBehind(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mempool re-checked against the new tip: {Before} -> {After} transactions, {Dropped} dropped")]
    private static partial void LogSynced(ILogger logger, int before, int after, int dropped);
}
