using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

public sealed class TestBlockValidityTests
{
    [Fact]
    public void A_valid_block_on_the_tip_passes_without_changing_the_chain()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(3);
        using var chain = ChainManagerTests.NewChain();
        foreach (var b in builder.Blocks) chain.SubmitBlock(b);
        var next = builder.Build(_ => { });

        chain.TestBlockValidity(next).Should().BeNull();

        chain.Height.Should().Be(3);
        chain.GetBlockIndex(next.Hash).Should().BeNull();
    }

    [Fact]
    public void Base_and_drivechain_failures_are_reported_with_their_codes()
    {
        var builder = new TestChain(Network.Regtest);
        using var chain = ChainManagerTests.NewChain();
        var overpaying = builder.Build(d => d.ExtraCoinbaseValue = 1);
        var badVotes = builder.Build(d => d.CoinbaseOutputs.Add(new TxOut(Money.Zero, Consensus.Messages.M4AckBundles.OneByte(0).ToScript())));

        chain.TestBlockValidity(overpaying)!.Reason.Should().Be("bad-cb-amount");
        chain.TestBlockValidity(badVotes)!.Code.Should().Be("M4_VOTE_COUNT_MISMATCH");
        chain.GetBlockIndex(overpaying.Hash).Should().BeNull("a tested block is not remembered");
    }

    [Fact]
    public void A_block_not_on_the_tip_is_inconclusive()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(2);
        using var chain = ChainManagerTests.NewChain();

        chain.TestBlockValidity(builder.Blocks[1])!.Reason.Should().Be("inconclusive-not-best-prevblk");
    }
}
