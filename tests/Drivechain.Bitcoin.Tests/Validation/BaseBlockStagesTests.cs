using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

/// <summary>The base pipeline: Bitcoin's block rules as one ordered list, run as is here and extended by the node.</summary>
public class BaseBlockStagesTests
{
    [Fact]
    public void The_stages_run_in_Cores_order_with_ascending_phases()
    {
        BaseBlockStages.All.Select(s => s.Name).Should().Equal("check-block", "contextual-check-block-header", "contextual-check-block", "connect-block");
        BaseBlockStages.All.Select(s => s.Phase).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_block_with_bits_other_than_the_chain_requires_is_bad_diffbits()
    {
        var chain = new TestChain();
        chain.MineEmpty();

        var error = chain.Submit(chain.NextBlock().With(b => b.Bits = 0x207ffffe).Build());

        error!.RejectReason.Should().Be("bad-diffbits");
        chain.Height.Should().Be(1);
    }

    [Fact]
    public void A_block_too_far_in_the_future_is_rejected_by_the_header_stage_before_any_coin_is_read()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().Build();

        var error = chain.Submit(block, now: block.Header.Time - 2 * 60 * 60 - 1);

        error!.RejectReason.Should().Be("time-too-new");
        chain.Height.Should().Be(0);
    }
}
