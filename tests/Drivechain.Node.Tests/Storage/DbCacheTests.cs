using Drivechain.Bitcoin.Networks;
using Drivechain.Node.Chain;
using Drivechain.Node.Tests.Chain;

namespace Drivechain.Node.Tests.Storage;

public sealed class DbCacheTests
{
    private static List<Drivechain.Bitcoin.Primitives.Block> Blocks(int count)
    {
        var chain = new TestChain(Network.Regtest);
        chain.MineMany(count);
        return chain.Blocks;
    }

    [Fact]
    public void A_small_dbcache_flushes_in_batches_keeps_the_cache_within_it_and_the_chain_reopens_intact()
    {
        var blocks = Blocks(150);
        var options = new ChainManagerOptions { FlushIntervalBlocks = int.MaxValue, DbCacheBytes = 16 << 10 };
        using var dir = new TempDirectory();
        int flushes;
        using (var chain = ChainPersistenceTests.Open(dir.Path, options))
        {
            foreach (var block in blocks)
            {
                chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
                chain.CacheUsageBytes.Should().BeLessThanOrEqualTo(options.DbCacheBytes);
            }
            flushes = chain.Statistics.Flushes;
        }

        using var reopened = ChainPersistenceTests.Open(dir.Path);
        flushes.Should().BeGreaterThan(2, "the genesis flush alone would be 1: the cache outgrew 16 KiB several times");
        reopened.Height.Should().Be(150);
        using var fresh = ChainManagerTests.NewChain();
        foreach (var block in blocks) fresh.SubmitBlock(block);
        reopened.GetUtxoSetInfo().Should().Be(fresh.GetUtxoSetInfo());
    }

    [Fact]
    public void The_default_dbcache_holds_a_small_chain_without_flushing_until_asked()
    {
        var blocks = Blocks(150);
        using var dir = new TempDirectory();
        using var chain = ChainPersistenceTests.Open(dir.Path, new ChainManagerOptions());

        foreach (var block in blocks) chain.SubmitBlock(block);

        chain.Statistics.Flushes.Should().Be(1, "only the genesis block was flushed: 150 blocks fit in 450 MiB and the interval");
        chain.CacheUsageBytes.Should().BeGreaterThan(0);
        new ChainManagerOptions().DbCacheBytes.Should().Be(450L << 20);
    }
}
