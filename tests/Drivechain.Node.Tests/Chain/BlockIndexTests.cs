using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

public sealed class BlockIndexTests
{
    /// <summary>A header-only chain (no proof of work needed) with the given bits and time gaps.</summary>
    private static List<BlockIndex> SyntheticChain(Network network, int length, int seed)
    {
        var random = new Random(seed);
        var list = new List<BlockIndex>();
        BlockIndex? parent = null;
        uint time = 1_600_000_000;
        for (int i = 0; i < length; i++)
        {
            uint bits = random.Next(3) == 0 ? 0x1c0fffff : network.PowLimitBits;
            time += (uint)random.Next(60, 1500);
            var header = new BlockHeader(4, parent?.Hash ?? UInt256.Zero, new UInt256((ulong)i), time, bits, 0);
            var index = new BlockIndex(header, parent, i);
            BlockTree.SetMinDifficultyWalkBits(network, network.PowLimitBits, index);
            list.Add(index);
            parent = index;
        }
        return list;
    }

    [Fact]
    public void Children_are_kept_in_order_whether_one_or_several()
    {
        var genesis = new BlockIndex(new BlockHeader(4, UInt256.Zero, UInt256.Zero, 1_600_000_000, 0x207fffff, 0), null, 0);
        BlockIndex Child(uint nonce) => new(new BlockHeader(4, genesis.Hash, UInt256.Zero, 1_600_000_600, 0x207fffff, nonce), genesis, nonce);

        genesis.Children.Should().BeEmpty();
        var first = Child(1);
        genesis.Children.Should().Equal(first);
        var second = Child(2);
        var third = Child(3);
        genesis.Children.Should().Equal(first, second, third);
        first.Children.Should().BeEmpty();
    }

    [Fact]
    public void Get_ancestor_with_skip_pointers_finds_every_height()
    {
        var chain = SyntheticChain(Network.Regtest, 3000, 1);
        var random = new Random(2);
        for (int i = 0; i < 2000; i++)
        {
            var from = chain[random.Next(chain.Count)];
            int height = random.Next(from.Height + 1);
            from.GetAncestor(height).Should().BeSameAs(chain[height]);
        }
        chain[10].GetAncestor(11).Should().BeNull();
    }

    [Fact]
    public void Expected_bits_equal_the_networks_get_next_work_required_on_a_min_difficulty_network()
    {
        var network = Network.TestNet3;
        var chain = SyntheticChain(network, 2100, 3);
        var random = new Random(4);
        foreach (var parent in chain.Skip(1))
        {
            uint time = parent.Header.Time + (uint)random.Next(1, 2 * 1200);
            var last = new PowHeader(parent.Height, parent.Header.Time, parent.Header.Bits);

            Drivechain.Node.Chain.Validation.BlockPipeline.ExpectedBits(network, parent, time)
                .Should().Be(network.GetNextWorkRequired(last, time, new ChainHistory(parent)), $"after height {parent.Height}");
        }
    }

    [Fact]
    public void Median_time_past_is_the_median_of_up_to_eleven_blocks()
    {
        var chain = SyntheticChain(Network.Regtest, 20, 5);

        chain[0].GetMedianTimePast().Should().Be(chain[0].Header.Time);
        chain[15].GetMedianTimePast().Should().Be(chain[10].Header.Time);   // times increase: the median is the 6th of 11
    }
}
