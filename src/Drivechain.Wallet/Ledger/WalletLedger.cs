using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Wallet.Ledger;

/// <summary>
/// The wallet's view of the chain: its scripts, the transactions touching them, and which of their outputs are unspent.
/// Driven only by block connects and disconnects (in chain order) plus transactions seen unconfirmed; a disconnect undoes
/// exactly what its connect did (the block's transactions lose their confirmation), so a reorganisation needs nothing
/// else. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class WalletLedger
{
    /// <summary>Blocks a coinbase output needs before it can be spent.</summary>
    public const int CoinbaseMaturity = 100;

    private readonly Dictionary<Script, KeyOrigin> _scripts = [];
    private readonly Dictionary<UInt256, WalletTx> _txs = [];
    private readonly Dictionary<OutPoint, List<WalletTx>> _spenders = [];
    private readonly Dictionary<UInt256, List<WalletTx>> _byBlock = [];

    /// <summary>Height of the last connected block (the wallet's idea of the tip), −1 before any.</summary>
    public int TipHeight { get; private set; } = -1;

    /// <summary>Hash of the last connected block.</summary>
    public UInt256 TipHash { get; private set; }

    /// <summary>Every wallet transaction, oldest first by first sight.</summary>
    public IEnumerable<WalletTx> Transactions => _txs.Values.OrderBy(t => t.Height < 0 ? int.MaxValue : t.Height).ThenBy(t => t.BlockIndex).ThenBy(t => t.TimeReceived);

    public int TransactionCount => _txs.Count;

    /// <summary>Told every change (the wallet's transaction store); null: changes are not written anywhere.</summary>
    public ILedgerJournal? Journal { get; set; }

    /// <summary>Adds a script the wallet owns (idempotent).</summary>
    public void AddScript(Script scriptPubKey, KeyOrigin origin) => _scripts.TryAdd(scriptPubKey, origin);

    public bool TryGetOrigin(Script scriptPubKey, out KeyOrigin origin) => _scripts.TryGetValue(scriptPubKey, out origin);

    public bool IsMine(Script scriptPubKey) => _scripts.ContainsKey(scriptPubKey);

    public bool TryGetTransaction(UInt256 txid, out WalletTx tx) => _txs.TryGetValue(txid, out tx!);

    /// <summary>Highest index seen used on a branch (−1 when none), so the owner can extend its lookahead.</summary>
    public long HighestUsed(bool change)
    {
        long highest = -1;
        foreach (var tx in _txs.Values)
            foreach (var output in tx.Transaction.Outputs)
                if (_scripts.TryGetValue(output.ScriptPubKey, out var origin) && origin.Change == change) highest = Math.Max(highest, origin.Index);
        return highest;
    }

    /// <summary>Records the block's relevant transactions as confirmed at <paramref name="height"/>. Returns how many.</summary>
    public int ConnectBlock(Block block, UInt256 hash, int height, uint time, long now)
    {
        var found = new List<WalletTx>();
        for (var i = 0; i < block.Transactions.Length; i++)
        {
            var tx = block.Transactions[i];
            if (!_txs.TryGetValue(tx.TxId, out var wtx))
            {
                if (!IsRelevant(tx)) continue;
                wtx = Add(tx, now);
                Journal?.Added(wtx);
            }
            wtx.BlockHash = hash;
            wtx.Height = height;
            wtx.BlockTime = time;
            wtx.BlockIndex = i;
            found.Add(wtx);
            Journal?.Confirmed(wtx);
        }
        if (found.Count > 0) _byBlock[hash] = found;
        TipHeight = height;
        TipHash = hash;
        Journal?.TipMoved(hash, height);
        return found.Count;
    }

    /// <summary>Undoes <see cref="ConnectBlock"/>: the block's transactions become unconfirmed; the tip goes to its parent.</summary>
    public void DisconnectBlock(UInt256 hash, int height, UInt256 parentHash)
    {
        if (_byBlock.Remove(hash, out var txs))
            foreach (var wtx in txs)
            {
                wtx.BlockHash = null;
                wtx.Height = -1;
                wtx.BlockTime = 0;
                wtx.BlockIndex = -1;
            }
        TipHeight = height - 1;
        TipHash = parentHash;
        Journal?.Disconnected(hash, height, parentHash);
    }

    /// <summary>Records an unconfirmed transaction when it is relevant (or <paramref name="fromMe"/>). Returns it or null.</summary>
    public WalletTx? AddUnconfirmed(Transaction tx, long now, bool fromMe = false)
    {
        if (_txs.TryGetValue(tx.TxId, out var known))
        {
            if (fromMe && !known.FromMe)
            {
                known.FromMe = true;
                Journal?.Added(known);
            }
            return known;
        }
        if (!fromMe && !IsRelevant(tx)) return null;
        var wtx = Add(tx, now);
        wtx.FromMe = fromMe;
        Journal?.Added(wtx);
        return wtx;
    }

    /// <summary>Forgets every confirmation (before a rescan from the chain); transactions stay as unconfirmed.</summary>
    public void ClearConfirmations()
    {
        foreach (var wtx in _txs.Values)
        {
            wtx.BlockHash = null;
            wtx.Height = -1;
            wtx.BlockIndex = -1;
        }
        _byBlock.Clear();
        TipHeight = -1;
        TipHash = default;
        Journal?.Cleared();
    }

    /// <summary>Replay of <see cref="ILedgerJournal.Added"/>: the transaction as it was stored (no relevance check).</summary>
    internal void Restore(Transaction tx, long timeReceived, bool fromMe)
    {
        if (!_txs.TryGetValue(tx.TxId, out var wtx)) wtx = Add(tx, timeReceived);
        wtx.FromMe |= fromMe;
    }

    /// <summary>Replay of <see cref="ILedgerJournal.Confirmed"/>; unknown transactions are ignored.</summary>
    internal void RestoreConfirmation(UInt256 txid, UInt256 blockHash, int height, uint blockTime, int blockIndex)
    {
        if (!_txs.TryGetValue(txid, out var wtx)) return;
        if (wtx.BlockHash is { } previous && _byBlock.TryGetValue(previous, out var old)) old.Remove(wtx);
        wtx.BlockHash = blockHash;
        wtx.Height = height;
        wtx.BlockTime = blockTime;
        wtx.BlockIndex = blockIndex;
        if (!_byBlock.TryGetValue(blockHash, out var list)) _byBlock[blockHash] = list = [];
        list.Add(wtx);
    }

    /// <summary>Replay of <see cref="ILedgerJournal.TipMoved"/>.</summary>
    internal void RestoreTip(UInt256 hash, int height)
    {
        TipHash = hash;
        TipHeight = height;
    }

    /// <summary>
    /// A transaction counts when it is confirmed or <paramref name="inMempool"/> says the node's pool holds it; others
    /// (replaced, conflicted, from an abandoned branch) are inactive and neither fund nor spend.
    /// </summary>
    public bool IsActive(WalletTx tx, Func<UInt256, bool> inMempool) => tx.IsConfirmed || inMempool(tx.TxId);

    /// <summary>Confirmations of a transaction at the ledger's tip (0 when unconfirmed).</summary>
    public int Confirmations(WalletTx tx) => tx.IsConfirmed ? TipHeight - tx.Height + 1 : 0;

    /// <summary>The wallet's unspent outputs: of active transactions, not spent by an active one.</summary>
    public IReadOnlyList<WalletCoin> Unspent(Func<UInt256, bool> inMempool)
    {
        var coins = new List<WalletCoin>();
        foreach (var wtx in _txs.Values)
        {
            if (!IsActive(wtx, inMempool)) continue;
            var outputs = wtx.Transaction.Outputs;
            for (var vout = 0; vout < outputs.Length; vout++)
            {
                if (!_scripts.TryGetValue(outputs[vout].ScriptPubKey, out var origin)) continue;
                var outPoint = new OutPoint(wtx.TxId, (uint)vout);
                if (IsSpent(outPoint, inMempool)) continue;
                coins.Add(new WalletCoin(outPoint, outputs[vout], origin, wtx, Confirmations(wtx)));
            }
        }
        return coins;
    }

    /// <summary>True when an active wallet transaction spends <paramref name="outPoint"/>.</summary>
    public bool IsSpent(OutPoint outPoint, Func<UInt256, bool> inMempool) =>
        _spenders.TryGetValue(outPoint, out var spenders) && spenders.Exists(s => IsActive(s, inMempool));

    /// <summary>Whether a coinbase output is still immature at the ledger's tip (Core's wallet: depth ≤ 100).</summary>
    public bool IsImmature(WalletTx tx) => tx.IsCoinbase && Confirmations(tx) <= CoinbaseMaturity;

    /// <summary>The wallet output <paramref name="outPoint"/> when the wallet knows the transaction, whatever its state.</summary>
    public TxOut? FindOutput(OutPoint outPoint) =>
        _txs.TryGetValue(outPoint.TxId, out var wtx) && outPoint.Index < wtx.Transaction.Outputs.Length
            ? wtx.Transaction.Outputs[(int)outPoint.Index] : null;

    /// <summary>Satoshis the transaction pays to wallet scripts.</summary>
    public long Received(WalletTx tx) => tx.Transaction.Outputs.Where(o => _scripts.ContainsKey(o.ScriptPubKey)).Sum(o => o.Value.Satoshis);

    /// <summary>Satoshis of wallet outputs the transaction spends.</summary>
    public long Sent(WalletTx tx) => tx.Transaction.IsCoinbase ? 0 : tx.Transaction.Inputs.Sum(i => FindMine(i.PrevOut)?.Value.Satoshis ?? 0);

    /// <summary>The fee when every input is known to the wallet (Core shows it for transactions from the wallet), else null.</summary>
    public long? Fee(WalletTx tx)
    {
        if (tx.Transaction.IsCoinbase) return null;
        long inputs = 0;
        foreach (var input in tx.Transaction.Inputs)
        {
            if (FindOutput(input.PrevOut) is not { } output) return null;
            inputs += output.Value.Satoshis;
        }
        return inputs - tx.Transaction.TotalOutputSatoshis;
    }

    private TxOut? FindMine(OutPoint outPoint) => FindOutput(outPoint) is { } output && _scripts.ContainsKey(output.ScriptPubKey) ? output : null;

    private bool IsRelevant(Transaction tx)
    {
        foreach (var output in tx.Outputs)
            if (_scripts.ContainsKey(output.ScriptPubKey)) return true;
        if (tx.IsCoinbase) return false;
        foreach (var input in tx.Inputs)
            if (FindMine(input.PrevOut) is not null) return true;
        return false;
    }

    private WalletTx Add(Transaction tx, long now)
    {
        var wtx = new WalletTx(tx, now);
        _txs[tx.TxId] = wtx;
        if (!tx.IsCoinbase)
            foreach (var input in tx.Inputs)
            {
                if (!_spenders.TryGetValue(input.PrevOut, out var list)) _spenders[input.PrevOut] = list = [];
                list.Add(wtx);
            }
        return wtx;
    }
}
