using Drivechain.Bitcoin.Networks;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Tests.Chain;

namespace Drivechain.Node.Tests.Chain.Tip;

public sealed class TipChangeStreamTests
{
    [Fact]
    public void A_reorg_is_published_once_in_order_disconnects_first_with_gapless_sequence_numbers()
    {
        using var chain = ChainManagerTests.NewChain();
        var main = new TestChain(Network.Regtest);
        var fork = main.Fork();
        using var subscription = chain.SubscribeTipChanges("test", out var startTip, out _);

        chain.SubmitBlock(main.Mine());
        fork.Mine(d => d.ExtraNonce = 1);
        fork.Mine(d => d.ExtraNonce = 1);
        foreach (var b in fork.Blocks) chain.SubmitBlock(b);

        startTip.Height.Should().Be(0);
        var changes = Drain(subscription);
        changes.Select(c => (c is TipChange.Connected ? "+" : "-") + c.Index.Height)
            .Should().Equal("+1", "-1", "+1", "+2");
        changes.Select(c => c.Sequence).Should().Equal(1, 2, 3, 4);
        changes[1].Block.Hash.Should().Be(main.Blocks[^1].Hash);
        changes[^1].Block.Hash.Should().Be(chain.Tip.Hash);
    }

    [Fact]
    public void A_subscriber_that_falls_behind_is_dropped_and_never_blocks_the_chain()
    {
        using var chain = ChainManagerTests.NewChain();
        var builder = new TestChain(Network.Regtest);
        using var slow = chain.SubscribeTipChanges("slow", out _, out _, capacity: 2);
        using var fast = chain.SubscribeTipChanges("fast", out _, out _);

        builder.MineMany(5);
        foreach (var b in builder.Blocks) chain.SubmitBlock(b);

        chain.Height.Should().Be(5);
        slow.WasDropped.Should().BeTrue();
        var readSlow = () => Drain(slow);
        readSlow.Should().Throw<TipChangeSubscriberDroppedException>().Which.Subscriber.Should().Be("slow");
        Drain(fast).Should().HaveCount(5);
        chain.TipChanges.SubscriberCount.Should().Be(1);
    }

    private static List<TipChange> Drain(TipChangeSubscription subscription)
    {
        var list = new List<TipChange>();
        while (subscription.Reader.TryRead(out var change)) list.Add(change);
        if (subscription.Reader.Completion.IsFaulted) throw subscription.Reader.Completion.Exception!.InnerException!;
        return list;
    }
}
