using System.Numerics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.P2P.Sync;

namespace Drivechain.Node.Tests.P2P.Sync;

public sealed class SyncProgressTests : IDisposable
{
    private readonly ChainManager _chain =
        ChainManager.CreateInMemory(Network.Regtest, DrivechainParams.ForNetwork("regtest"), Secp256k1Provider.CreateDefault());

    [Fact]
    public void The_estimate_is_the_tips_share_of_the_best_header_height_and_1_when_synced()
    {
        SyncProgress.Estimate(250, 1000).Should().Be(0.25);
        SyncProgress.Estimate(1000, 1000).Should().Be(1.0);
        SyncProgress.Estimate(0, 0).Should().Be(1.0);
    }

    [Fact]
    public void Progress_lines_are_rate_limited_to_one_a_second_with_the_rate_since_the_last()
    {
        var progress = new SyncProgress(BigInteger.Zero);
        var start = DateTimeOffset.UnixEpoch.AddYears(56);
        var first = progress.Observe(_chain.Tip, 100, start);
        first.Should().NotBeNull();
        first!.Value.Progress.Should().Be(0.0);
        first.Value.Eta.Should().BeNull("no rate yet");
        progress.Observe(_chain.Tip, 100, start + TimeSpan.FromSeconds(2)).Should().BeNull("the same height is logged once");
    }

    [Fact]
    public void Initial_block_download_lasts_while_the_tip_is_old_or_below_the_minimum_work_and_then_latches_off()
    {
        var genesisTime = DateTimeOffset.FromUnixTimeSeconds(_chain.Tip.Header.Time);
        new SyncProgress(BigInteger.Zero).IsInitialBlockDownload(_chain.Tip, genesisTime.AddDays(2)).Should().BeTrue("the tip is older than 24 h");
        new SyncProgress(_chain.Tip.ChainWork + 1).IsInitialBlockDownload(_chain.Tip, genesisTime).Should().BeTrue("the tip has too little work");

        var progress = new SyncProgress(BigInteger.Zero);
        progress.IsInitialBlockDownload(_chain.Tip, genesisTime.AddHours(1)).Should().BeFalse();
        progress.IsInitialBlockDownload(_chain.Tip, genesisTime.AddDays(30)).Should().BeFalse("once out, it stays out (Core's latch)");
    }

    public void Dispose() => _chain.Dispose();
}
