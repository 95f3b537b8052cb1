using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Readers_running_beside_the_writer_always_see_a_consistent_tip()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(300);
        using var chain = ChainManagerTests.NewChain();
        using var stop = new CancellationTokenSource();
        var token = stop.Token;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        long reads = 0;
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
        {
            while (!token.IsCancellationRequested)
            {
                var tip = chain.Tip;
                if (chain.GetBlockHash(tip.Height) is not { } hash) { failures.Add($"no hash at {tip.Height}"); continue; }
                if (tip.Height > 0 && !chain.TryGetCoin(new OutPoint(chain.GetBlock(hash)!.Transactions[0].TxId, 0), out _)
                    && chain.Tip == tip)
                    failures.Add($"coinbase of tip {tip.Height} missing");
                chain.GetChainTips();
                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        SpinWait.SpinUntil(() => Interlocked.Read(ref reads) > 0, TimeSpan.FromSeconds(30)).Should().BeTrue("the readers started");
        foreach (var block in builder.Blocks) chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
        stop.Cancel();
        await Task.WhenAll(readers);

        failures.Should().BeEmpty();
        chain.Height.Should().Be(300);
    }

    [Fact]
    public void Raw_bytes_that_do_not_parse_are_rejected_without_changing_the_chain()
    {
        using var chain = ChainManagerTests.NewChain();

        var outcome = chain.SubmitBlock(new byte[] { 1, 2, 3 });

        outcome.Should().BeOfType<SubmitOutcome.Rejected>().Which.Reason.Should().Be("block-decode-failed");
        chain.Height.Should().Be(0);
    }

    [Fact]
    public void Raw_bytes_of_a_valid_block_are_accepted()
    {
        using var chain = ChainManagerTests.NewChain();
        var block = new TestChain(Network.Regtest).Mine();

        chain.SubmitBlock(block.ToBytes()).Should().BeOfType<SubmitOutcome.Accepted>();
    }
}
