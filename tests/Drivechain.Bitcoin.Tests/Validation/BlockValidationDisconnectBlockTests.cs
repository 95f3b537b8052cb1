using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class BlockValidationDisconnectBlockTests
{
    private static Dictionary<OutPoint, Coin> Snapshot(MemoryCoinCache coins) => coins.Coins.ToDictionary(c => c.OutPoint, c => c.Coin);

    [Fact]
    public void Connect_then_disconnect_restores_the_previous_coin_set()
    {
        var chain = new TestChain();
        var a = chain.Fund(Money.Coin);
        var b = chain.Fund(2 * Money.Coin, height: 1);
        var first = new TestTx().Input(a).Input(b).Output(Money.Coin).Output(Money.Coin).Build();
        var second = TestTx.Spend(new OutPoint(first.TxId, 1), Money.Coin - 500);
        var block = chain.NextBlock().Add(first, second).Build();
        var before = Snapshot(chain.Coins);

        var accepted = chain.Connect(block).Should().BeOfType<ConnectBlockResult.Accepted>().Subject;
        accepted.Delta.ApplyTo(chain.Coins).Should().BeTrue();
        chain.Coins.TryGetCoin(a, out _).Should().BeFalse();
        chain.Coins.TryGetCoin(new OutPoint(second.TxId, 0), out _).Should().BeTrue();

        BlockValidation.DisconnectBlock(accepted.Delta, chain.Coins).Should().Be(DisconnectResult.Ok);
        Snapshot(chain.Coins).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void Disconnect_from_a_set_missing_a_created_coin_is_unclean()
    {
        var chain = new TestChain();
        var spend = TestTx.Spend(chain.Fund(Money.Coin), 1000);
        var accepted = (ConnectBlockResult.Accepted)chain.Connect(chain.NextBlock().Add(spend).Build());
        accepted.Delta.ApplyTo(chain.Coins);
        chain.Coins.SpendCoin(new OutPoint(spend.TxId, 0), out _);

        BlockValidation.DisconnectBlock(accepted.Delta, chain.Coins).Should().Be(DisconnectResult.Unclean);
    }

    [Fact]
    public void Disconnect_onto_a_set_that_still_has_a_spent_coin_is_unclean()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Money.Coin);
        var accepted = (ConnectBlockResult.Accepted)chain.Connect(chain.NextBlock().Add(TestTx.Spend(coin, 1000)).Build());
        // Not applied: the spent coin is still there.

        BlockValidation.DisconnectBlock(accepted.Delta, chain.Coins).Should().Be(DisconnectResult.Unclean);
    }

    [Fact]
    public void Applying_a_delta_to_a_set_without_the_spent_coin_reports_it()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Money.Coin);
        var accepted = (ConnectBlockResult.Accepted)chain.Connect(chain.NextBlock().Add(TestTx.Spend(coin, 1000)).Build());

        accepted.Delta.ApplyTo(new MemoryCoinCache()).Should().BeFalse();
    }

    [Fact]
    public void Chain_of_submitted_blocks_unwinds_to_the_start()
    {
        var chain = new TestChain();
        var start = Snapshot(chain.Coins);
        var deltas = new List<CoinsDelta>();
        for (int i = 0; i < 5; i++)
        {
            var block = chain.NextBlock().Build();
            deltas.Add(((ConnectBlockResult.Accepted)chain.Connect(block)).Delta);
            chain.Submit(block).Should().BeNull();
        }
        chain.Coins.Count.Should().Be(5);

        for (int i = deltas.Count - 1; i >= 0; i--) BlockValidation.DisconnectBlock(deltas[i], chain.Coins).Should().Be(DisconnectResult.Ok);

        Snapshot(chain.Coins).Should().BeEquivalentTo(start);
    }
}
