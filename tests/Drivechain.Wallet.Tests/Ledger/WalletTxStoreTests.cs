using Drivechain.Bitcoin.Primitives;
using Drivechain.Wallet.Ledger;
using static Drivechain.Wallet.Tests.Ledger.LedgerFixtures;

namespace Drivechain.Wallet.Tests.Ledger;

public sealed class WalletTxStoreTests : IDisposable
{
    private static readonly Func<UInt256, bool> EmptyMempool = _ => false;
    private readonly string _dir = Directory.CreateTempSubdirectory("dc-txstore-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FilePath => Path.Combine(_dir, WalletTxStore.FileName);

    /// <summary>Two blocks: a coinbase to us, then a spend of it with change; plus an unconfirmed send of ours.</summary>
    private (WalletLedger Ledger, Block First, Block Second, Transaction Pending) BuildHistory()
    {
        var ledger = NewLedger();
        using var store = WalletTxStore.Open(_dir, ledger);
        var first = Block(UInt256.Zero, 1, Coinbase(1, Mine0, 50_0000_0000), Spend([new OutPoint(new UInt256(7), 0)], (Mine1, 1000)));
        ledger.ConnectBlock(first, first.Hash, 1, first.Header.Time, 10);
        var spend = Spend([new OutPoint(first.Transactions[1].TxId, 0)], (Other, 600), (Change0, 300));
        ledger.AddUnconfirmed(spend, 11, fromMe: true);
        var second = Block(first.Hash, 2, Coinbase(2, Other, 1), spend);
        ledger.ConnectBlock(second, second.Hash, 2, second.Header.Time, 12);
        var pending = Spend([new OutPoint(spend.TxId, 1)], (Other, 100), (Change0, 150));
        ledger.AddUnconfirmed(pending, 13, fromMe: true);
        store.Commit();
        return (ledger, first, second, pending);
    }

    [Fact]
    public void A_reopened_store_restores_every_transaction_its_confirmations_and_the_best_block()
    {
        var (original, _, second, pending) = BuildHistory();

        var reloaded = NewLedger();
        using var store = WalletTxStore.Open(_dir, reloaded);

        reloaded.TipHash.Should().Be(second.Hash);
        reloaded.TipHeight.Should().Be(2);
        reloaded.Transactions.Select(t => (t.TxId, t.Height, t.BlockHash, t.BlockIndex, t.BlockTime, t.TimeReceived, t.FromMe))
            .Should().Equal(original.Transactions.Select(t => (t.TxId, t.Height, t.BlockHash, t.BlockIndex, t.BlockTime, t.TimeReceived, t.FromMe)));
        reloaded.TryGetTransaction(pending.TxId, out var restored).Should().BeTrue();
        restored.IsConfirmed.Should().BeFalse();
        restored.FromMe.Should().BeTrue();
        reloaded.Unspent(id => id == pending.TxId).Select(c => c.Satoshis).Should().BeEquivalentTo(
            original.Unspent(id => id == pending.TxId).Select(c => c.Satoshis));
        store.DroppedRecords.Should().Be(0);
    }

    [Fact]
    public void A_disconnected_block_written_to_the_journal_stays_undone_after_reopening()
    {
        var ledger = NewLedger();
        Block second;
        using (var store = WalletTxStore.Open(_dir, ledger))
        {
            var first = Block(UInt256.Zero, 1, Coinbase(1, Mine0, 5000));
            ledger.ConnectBlock(first, first.Hash, 1, 0, 0);
            second = Block(first.Hash, 2, Coinbase(2, Mine1, 7000));
            ledger.ConnectBlock(second, second.Hash, 2, 0, 0);
            ledger.DisconnectBlock(second.Hash, 2, first.Hash);
            store.Commit();
        }

        var reloaded = NewLedger();
        using var _ = WalletTxStore.Open(_dir, reloaded);

        reloaded.TipHeight.Should().Be(1);
        reloaded.TryGetTransaction(second.Transactions[0].TxId, out var orphaned).Should().BeTrue();
        orphaned.IsConfirmed.Should().BeFalse();
        reloaded.Unspent(EmptyMempool).Select(c => c.Satoshis).Should().Equal(5000L);
    }

    [Fact]
    public void A_torn_last_line_is_dropped_and_the_state_before_it_is_kept()
    {
        BuildHistory();
        File.AppendAllText(FilePath, "{\"k\":\"tip\",\"b\":\"00ab");   // a write cut short by a crash

        var reloaded = NewLedger();
        using var store = WalletTxStore.Open(_dir, reloaded);

        store.DroppedRecords.Should().Be(1);
        reloaded.TipHeight.Should().Be(2);
        reloaded.TransactionCount.Should().Be(4);
        File.ReadAllLines(FilePath).Should().HaveCount(4 + 3 + 1, "opening rewrote the journal as a snapshot (transactions, confirmations, tip) without the torn line");
    }

    [Fact]
    public void Changes_reach_the_file_only_on_commit_and_the_file_is_private_to_its_owner()
    {
        var ledger = NewLedger();
        using var store = WalletTxStore.Open(_dir, ledger);
        var block = Block(UInt256.Zero, 1, Coinbase(1, Mine0, 5000));
        ledger.ConnectBlock(block, block.Hash, 1, 0, 0);
        File.ReadAllText(FilePath).Should().BeEmpty();

        store.Commit();

        File.ReadAllLines(FilePath).Should().HaveCount(3, "the transaction, its confirmation and the tip");
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(FilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
