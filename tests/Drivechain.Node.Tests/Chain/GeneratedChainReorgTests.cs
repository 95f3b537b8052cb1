using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Testing.Chains;

namespace Drivechain.Node.Tests.Chain;

/// <summary>
/// Reorgs on the generator's busy chain (255 active sidechains, an M4 over every slot, deposits, bundle
/// proposals and payouts in every block): the chain ends in the generator's own expected state for the winning
/// branch, and equals a fresh node that only saw that branch.
/// </summary>
public sealed class GeneratedChainReorgTests
{
    private static List<Block> Branch(GeneratedBlock tip)
    {
        var blocks = new List<Block>();
        for (var walk = tip; walk.Parent is not null; walk = walk.Parent) blocks.Add(walk.Block);
        blocks.Reverse();
        return blocks;
    }

    private static ChainManager NewChain(ChainGenerator generator) =>
        ChainManager.CreateInMemory(generator.Options.Network, generator.Params, Secp256k1Provider.CreateDefault());

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void A_reorg_across_busy_drivechain_blocks_ends_in_the_winning_branchs_state(int depth)
    {
        var generator = ReplayBenchmarkChain.Generate(260, 255);
        var mainTip = generator.Tip;
        var forkPoint = mainTip;
        while (forkPoint.Height > mainTip.Height - depth) forkPoint = forkPoint.Parent!;
        generator.ForkFrom(forkPoint);
        for (int i = 0; i <= depth; i++)
        {
            var height = generator.Height + 1;
            generator.Next().Deposit((byte)((height * 3 + 1) % 255), 7_000_000, [.. "fork-"u8, (byte)i]).Build();
        }
        var forkTip = generator.Tip;
        forkTip.State.Should().NotBe(mainTip.State, "the branches differ in drivechain state");
        using var chain = NewChain(generator);
        foreach (var block in Branch(mainTip)) chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
        chain.TipDrivechainState.Should().Be(mainTip.State);

        foreach (var block in Branch(forkTip).Skip(forkPoint.Height)) chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();

        chain.Tip.Hash.Should().Be(forkTip.Hash);
        chain.Statistics.BlocksDisconnected.Should().Be(depth);
        chain.TipDrivechainState.Should().Be(forkTip.State);
        using var fresh = NewChain(generator);
        foreach (var block in Branch(forkTip)) fresh.SubmitBlock(block);
        chain.GetUtxoSetInfo().Should().Be(fresh.GetUtxoSetInfo());
        chain.TipDrivechainState.ComputeDigest().Should().Be(fresh.TipDrivechainState.ComputeDigest());
    }
}
