using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Properties;

/// <summary>The benchmark's chain is what the benchmark claims: 255 sidechains, full M4s, deposits, bundles, payouts.</summary>
public class HeavyChainGeneratorTests
{
    [Fact]
    public void The_heavy_chain_has_255_active_sidechains_full_votes_deposits_and_payouts()
    {
        var blocks = HeavyChainGenerator.Generate(200);
        var validator = new DrivechainValidator(HeavyChainGenerator.Params);
        var state = DrivechainState.Empty;
        var events = new List<DrivechainEvent>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var accepted = validator.Connect(state, blocks[i], i + 1).ShouldBeAccepted();
            events.AddRange(accepted.Events);
            state = accepted.State;
        }
        state.ActiveSlotCount.Should().Be(255);
        Enumerable.Range(0, 255).Should().OnlyContain(s => !state.GetPendingBundles((byte)s).IsEmpty);
        var context = Consensus.Rules.BlockContext.Create(blocks[^1], blocks.Count);
        context.CoinbaseMessages.OfType<M4AckBundles>().Should().ContainSingle().Which.Votes.Should().HaveCount(255);
        events.OfType<DrivechainEvent.DepositReceived>().Count().Should().BeGreaterThan(1000);
        events.OfType<DrivechainEvent.BundleSucceeded>().Should().NotBeEmpty();
    }
}
