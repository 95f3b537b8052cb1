using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Wallet;

public sealed partial class WalletManager
{
    /// <summary>Buffer of the wallets' tip-change subscription.</summary>
    public const int SubscriptionCapacity = 1024;

    /// <summary>How often the wallets were dropped from the tip-change stream and rescanned the chain.</summary>
    public int Resyncs { get; private set; }

    private readonly SemaphoreSlim _background = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            LogDisabled(log);
            return;
        }
        await readiness.WhenReady.WaitAsync(stoppingToken);
        using (node.EnterLock()) AutoloadWallets();
        while (!stoppingToken.IsCancellationRequested)
        {
            await _background.WaitAsync(stoppingToken);
            TipChangeSubscription subscription;
            try
            {
                subscription = DrainLocked();
            }
            finally
            {
                _background.Release();
            }
            try
            {
                await subscription.Reader.WaitToReadAsync(stoppingToken);
            }
            catch (TipChangeSubscriberDroppedException)
            {
                // CatchUp sees WasDropped and resynchronises from the chain.
            }
        }
    }

    /// <summary>Lock order as everywhere: the chain lock, then the wallets' lock.</summary>
    private TipChangeSubscription DrainLocked()
    {
        // Applying changes reads only the changes: the chain lock is needed to subscribe and to resynchronise after a drop,
        // not to drain (taking it per block would contend with block connection during a sync).
        lock (_gate)
        {
            if (node.IsLoaded && _subscription is { WasDropped: false } subscription && Drain(subscription))
            {
                CommitAll();
                return subscription;
            }
        }
        using (node.EnterLock())
        lock (_gate)
        {
            CatchUp();
            CommitAll();
            return _subscription!;
        }
    }

    /// <summary>Holds the background drain (tests use it to let the subscription overflow); requests still catch up.</summary>
    internal IDisposable PauseBackground()
    {
        _background.Wait();
        return new Releaser(_background);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            foreach (var wallet in _wallets.Values) wallet.Dispose();
            _wallets.Clear();
        }
        _subscription?.Dispose();
        base.Dispose();
    }

    /// <summary>Applies every change waiting in the subscription; after a drop, resubscribes and rescans from the chain.</summary>
    private void CatchUp()
    {
        if (!node.IsLoaded) return;
        if (_subscription is null || _subscription.WasDropped)
        {
            var dropped = _subscription is not null;
            _subscription?.Dispose();
            _subscription = node.Chain.SubscribeTipChanges("wallet", out var tip, out _, SubscriptionCapacity);
            _tip = tip;
            if (dropped)
            {
                Resyncs++;
                LogResync(log, tip.Height);
            }
            foreach (var wallet in _wallets.Values) SyncFrom(wallet, tip);
        }
        if (!Drain(_subscription)) CatchUp();   // dropped while draining: the buffered tail is incomplete
    }

    /// <summary>Applies the changes waiting in <paramref name="subscription"/>; false when it was dropped (the tail is incomplete).</summary>
    private bool Drain(TipChangeSubscription subscription)
    {
        while (subscription.Reader.TryRead(out var change)) Apply(change);
        return !subscription.WasDropped;
    }

    private void Apply(TipChange change)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        switch (change)
        {
            case TipChange.Connected c:
                foreach (var wallet in _wallets.Values)
                    if (wallet.Ledger.ConnectBlock(c.Block, c.Index.Hash, c.Index.Height, c.Index.Header.Time, now) > 0)
                        wallet.ExtendKeypool();
                _tip = c.Index;
                break;
            case TipChange.Disconnected d:
                foreach (var wallet in _wallets.Values)
                    wallet.Ledger.DisconnectBlock(d.Index.Hash, d.Index.Height, d.Index.Parent?.Hash ?? default);
                _tip = d.Index.Parent;
                break;
        }
    }

    /// <summary>Forgets a wallet's confirmations and scans the chain again from its birth height (gRPC FullScan).</summary>
    public void FullScan(NodeWallet wallet)
    {
        lock (_gate)
        {
            CatchUp();
            wallet.Ledger.ClearConfirmations();
            Rescan(wallet, _tip, Math.Max(0, wallet.Metadata.BirthHeight));
            wallet.Commit();
        }
    }

    /// <summary>
    /// Brings a wallet from its ledger's best block (stored, or the last one applied before a drop) to <paramref name="tip"/>:
    /// blocks of its branch that the active chain no longer holds are disconnected (their transactions become unconfirmed),
    /// then the active chain is scanned from the fork point. A best block the node does not know means a full rescan from
    /// the birth height. Returns the height scanning started at.
    /// </summary>
    private int SyncFrom(NodeWallet wallet, BlockIndex? tip)
    {
        var ledger = wallet.Ledger;
        var from = Math.Max(0, wallet.Metadata.BirthHeight);
        if (tip is null) return from;
        if (ledger.TipHeight >= 0)
        {
            var index = node.Chain.GetBlockIndex(ledger.TipHash);
            while (index is not null && tip.GetAncestor(index.Height)?.Hash != index.Hash)
            {
                ledger.DisconnectBlock(index.Hash, index.Height, index.Parent?.Hash ?? default);
                index = index.Parent;
            }
            if (index is null) ledger.ClearConfirmations();
            else from = Math.Max(from, index.Height + 1);
        }
        Rescan(wallet, tip, from);
        return from;
    }

    /// <summary>Writes every wallet's ledger changes to its <c>transactions.jsonl</c>.</summary>
    private void CommitAll()
    {
        foreach (var wallet in _wallets.Values) wallet.Commit();
    }

    /// <summary>
    /// Offers the wallet's unconfirmed transactions that are not in the mempool to it again, parents before children (Core's
    /// ResubmitWalletTransactions at load). Ones the mempool refuses (spent elsewhere, replaced) stay inactive. Returns how many were accepted.
    /// </summary>
    private int Resubmit(NodeWallet wallet)
    {
        var pending = wallet.Ledger.Transactions.Where(t => !t.IsConfirmed && !t.IsCoinbase && !InMempool(t.TxId)).ToList();
        var accepted = 0;
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var wtx in pending.ToList())
            {
                if (!mempool.Accept(wtx.Transaction, testOnly: false).Accepted) continue;
                pending.Remove(wtx);
                accepted++;
                progress = true;
            }
        }
        return accepted;
    }

    /// <summary>Scans the active chain from height <paramref name="from"/> up to <paramref name="tip"/> (oldest first).</summary>
    private void Rescan(NodeWallet wallet, BlockIndex? tip, int from)
    {
        if (tip is null) return;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        for (var height = from; height <= tip.Height; height++)
        {
            var index = tip.GetAncestor(height)!;
            var block = node.Chain.GetBlock(index.Hash) ?? throw new InvalidOperationException($"block {index.Hash} at height {height} is not stored");
            if (wallet.Ledger.ConnectBlock(block, index.Hash, height, index.Header.Time, now) > 0) wallet.ExtendKeypool();
        }
    }

    private void AutoloadWallets()
    {
        var path = Path.Combine(WalletsDirectory, AutoloadFile);
        if (!File.Exists(path)) return;
        foreach (var name in File.ReadAllLines(path).Distinct(StringComparer.Ordinal))
        {
            try
            {
                Load(name, loadOnStartup: null);
            }
            catch (Exception e) when (e is WalletException or IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                LogAutoloadFailed(log, name, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wallet {Wallet} loaded: {Transactions} transactions, scanned blocks from height {From}, synced to height {Height}, {Resubmitted} unconfirmed transactions resubmitted to the mempool")]
    private static partial void LogLoaded(ILogger logger, string wallet, int transactions, int from, int height, int resubmitted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {Wallet}: {Records} unreadable records at the end of its transactions.jsonl were dropped (an interrupted write); the chain is rescanned from the last readable best block")]
    private static partial void LogDroppedRecords(ILogger logger, string wallet, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wallet disabled (-disablewallet): no wallet RPCs, no gRPC WalletService")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wallet {Wallet} unloaded")]
    private static partial void LogUnloaded(ILogger logger, string wallet);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallets fell behind the chain and were dropped from the tip-change stream; rescanned up to height {Height}")]
    private static partial void LogResync(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {Wallet} listed for loading at start-up could not be loaded: {Reason}")]
    private static partial void LogAutoloadFailed(ILogger logger, string wallet, string reason);
}
