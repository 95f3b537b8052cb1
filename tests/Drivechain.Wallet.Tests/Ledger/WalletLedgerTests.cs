using Drivechain.Bitcoin.Primitives;
using Drivechain.Wallet.Ledger;
using static Drivechain.Wallet.Tests.Ledger.LedgerFixtures;

namespace Drivechain.Wallet.Tests.Ledger;

public sealed class WalletLedgerTests
{
    private static readonly Func<UInt256, bool> EmptyMempool = _ => false;

    [Fact]
    public void A_connected_block_paying_a_wallet_script_adds_a_confirmed_coin()
    {
        var ledger = NewLedger();
        var block = Block(UInt256.Zero, 1, Coinbase(1, Mine0, 50_0000_0000));

        ledger.ConnectBlock(block, block.Hash, 1, block.Header.Time, 0).Should().Be(1);

        var coin = ledger.Unspent(EmptyMempool).Should().ContainSingle().Subject;
        coin.Satoshis.Should().Be(50_0000_0000);
        coin.Confirmations.Should().Be(1);
        ledger.IsImmature(coin.Tx).Should().BeTrue();
    }

    [Fact]
    public void Disconnecting_a_block_undoes_its_payments_and_its_spends()
    {
        var ledger = NewLedger();
        var funding = Block(UInt256.Zero, 1, Coinbase(1, Other, 1), Spend([new OutPoint(new UInt256(7), 0)], (Mine0, 1000)));
        ledger.ConnectBlock(funding, funding.Hash, 1, 0, 0);
        var fundingCoin = ledger.Unspent(EmptyMempool).Single().OutPoint;
        var spending = Block(funding.Hash, 2, Coinbase(2, Mine1, 5000), Spend([fundingCoin], (Other, 600), (Change0, 300)));
        ledger.ConnectBlock(spending, spending.Hash, 2, 0, 0);
        ledger.Unspent(EmptyMempool).Select(c => c.Satoshis).Should().BeEquivalentTo([5000L, 300L]);

        ledger.DisconnectBlock(spending.Hash, 2, funding.Hash);

        ledger.Unspent(EmptyMempool).Select(c => c.OutPoint).Should().Equal(fundingCoin);
        ledger.TipHeight.Should().Be(1);
        ledger.TipHash.Should().Be(funding.Hash);
    }

    [Fact]
    public void An_unconfirmed_spend_counts_only_while_the_mempool_holds_it()
    {
        var ledger = NewLedger();
        var funding = Block(UInt256.Zero, 1, Spend([new OutPoint(new UInt256(7), 0)], (Mine0, 1000)));
        ledger.ConnectBlock(funding, funding.Hash, 1, 0, 0);
        var spend = Spend([ledger.Unspent(EmptyMempool).Single().OutPoint], (Other, 500), (Change0, 400));
        ledger.AddUnconfirmed(spend, 0, fromMe: true);

        ledger.Unspent(txid => txid == spend.TxId).Should().ContainSingle().Which.Satoshis.Should().Be(400);
        ledger.Unspent(EmptyMempool).Should().ContainSingle().Which.Satoshis.Should().Be(1000, "a spend evicted from the mempool frees its coin");
    }

    [Fact]
    public void A_reorganisation_to_a_competing_block_moves_the_confirmation()
    {
        var ledger = NewLedger();
        var a = Block(UInt256.Zero, 1, Coinbase(1, Mine0, 100));
        var b = Block(UInt256.Zero, 2, Coinbase(1, Mine1, 200));
        ledger.ConnectBlock(a, a.Hash, 1, 0, 0);

        ledger.DisconnectBlock(a.Hash, 1, UInt256.Zero);
        ledger.ConnectBlock(b, b.Hash, 1, 0, 0);

        ledger.Unspent(EmptyMempool).Should().ContainSingle().Which.Satoshis.Should().Be(200, "a disconnected coinbase is never in the mempool");
        ledger.TransactionCount.Should().Be(2);
    }

    [Fact]
    public void Transactions_of_other_scripts_are_ignored()
    {
        var ledger = NewLedger();
        var block = Block(UInt256.Zero, 1, Coinbase(1, Other, 100), Spend([new OutPoint(new UInt256(3), 1)], (Other, 50)));

        ledger.ConnectBlock(block, block.Hash, 1, 0, 0).Should().Be(0);

        ledger.TransactionCount.Should().Be(0);
    }
}
