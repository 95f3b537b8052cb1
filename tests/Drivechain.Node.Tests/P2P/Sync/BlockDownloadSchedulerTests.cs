using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.P2P.Sync;

namespace Drivechain.Node.Tests.P2P.Sync;

public sealed class BlockDownloadSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan BlockInterval = TimeSpan.FromMinutes(10);
    private readonly ChainManager _chain =
        ChainManager.CreateInMemory(Network.Regtest, DrivechainParams.ForNetwork("regtest"), Secp256k1Provider.CreateDefault());
    private readonly BlockDownloadScheduler _scheduler;
    private readonly List<BlockHeader> _headers;

    public BlockDownloadSchedulerTests()
    {
        _scheduler = new BlockDownloadScheduler(_chain);
        _headers = HeadersPresyncTests.Chain(_chain.Tip.Hash, 1100);
    }

    private void Announce(long peerId)
    {
        foreach (var header in _headers) _scheduler.AddHeader(peerId, header, header.PreviousBlockHash == _chain.Tip.Hash ? _chain.Tip : null);
    }

    private UInt256 At(int height) => _headers[height - 1].Hash;

    [Fact]
    public void Each_peer_gets_the_next_16_blocks_nobody_else_is_fetching()
    {
        Announce(1);
        Announce(2);

        _scheduler.Assign(1, Now).Should().Equal(Enumerable.Range(1, 16).Select(At));
        _scheduler.Assign(2, Now).Should().Equal(Enumerable.Range(17, 16).Select(At));
        _scheduler.Assign(1, Now).Should().BeEmpty("16 blocks are already in flight from peer 1");
        _scheduler.BlocksInFlight.Should().Be(32);
        _scheduler.BestHeader!.Height.Should().Be(1100);
    }

    [Fact]
    public void A_peer_that_announced_nothing_beyond_our_tip_gets_nothing()
    {
        _scheduler.Assign(3, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_peer_holding_up_the_1024_block_window_stalls_and_is_reported_after_2_seconds_then_the_timeout_doubles()
    {
        Announce(1);
        _scheduler.Assign(1, Now).Should().HaveCount(16);
        for (long peer = 2; peer <= 64; peer++)
        {
            Announce(peer);
            _scheduler.Assign(peer, Now).Should().HaveCount(16);   // heights 17..1024: the window is full
        }
        Announce(99);
        _scheduler.Assign(99, Now).Should().BeEmpty("block 1025 is beyond the window, whose start peer 1 holds");

        _scheduler.FindStallers(Now + TimeSpan.FromSeconds(1), BlockInterval).Should().BeEmpty();
        _scheduler.FindStallers(Now + TimeSpan.FromSeconds(3), BlockInterval).Should().ContainSingle()
            .Which.Should().Be(new StalledPeer(1, "stalling block download (timeout 2 s)"));
        _scheduler.StallingTimeout.Should().Be(TimeSpan.FromSeconds(4));

        _scheduler.RemovePeer(1);
        _scheduler.Assign(99, Now).Should().Equal(Enumerable.Range(1, 16).Select(At), "the staller's blocks go to another peer");
    }

    [Fact]
    public void A_block_that_arrives_stops_the_stall_and_eases_the_timeout_back()
    {
        A_peer_holding_up_the_1024_block_window_stalls_and_is_reported_after_2_seconds_then_the_timeout_doubles();
        _scheduler.Received(99, At(1), Now).Should().BeTrue();
        _scheduler.StallingTimeout.Should().Be(TimeSpan.FromSeconds(4 * 0.85));
        _scheduler.Received(99, At(1), Now).Should().BeFalse("it is no longer in flight");
    }

    [Fact]
    public void A_peer_whose_oldest_block_is_in_flight_longer_than_the_download_timeout_is_reported()
    {
        Announce(1);
        Announce(2);
        _scheduler.Assign(1, Now);
        _scheduler.Assign(2, Now);

        // One block interval plus half an interval per other downloading peer.
        _scheduler.FindStallers(Now + TimeSpan.FromMinutes(14), BlockInterval).Should().BeEmpty();
        _scheduler.FindStallers(Now + TimeSpan.FromMinutes(16), BlockInterval).Select(s => s.PeerId).Should().Equal(1, 2);
    }

    [Fact]
    public void Notfound_and_a_disconnect_free_the_blocks_for_other_peers()
    {
        Announce(1);
        Announce(2);
        var first = _scheduler.Assign(1, Now);
        _scheduler.NotFound(1, first.Take(4));
        _scheduler.InFlightFrom(1).Should().HaveCount(12);
        _scheduler.Assign(2, Now).Should().StartWith(first.Take(4));
    }

    [Fact]
    public void Assignments_go_on_in_height_order_across_the_128_header_chunks_of_the_walk()
    {
        Announce(1);
        _scheduler.Assign(1, Now).Should().Equal(Enumerable.Range(1, 16).Select(At));
        _scheduler.NotFound(1, Enumerable.Range(1, 8).Select(At));
        Announce(2);
        _scheduler.Assign(2, Now).Should().Equal(Enumerable.Range(1, 8).Concat(Enumerable.Range(17, 8)).Select(At));
        for (long peer = 3; peer <= 10; peer++)
        {
            Announce(peer);
            // Peer 9 gets heights 121..136: one request from two chunks of the walk.
            _scheduler.Assign(peer, Now).Should().Equal(Enumerable.Range(25 + 16 * (int)(peer - 3), 16).Select(At), $"peer {peer}");
        }
    }

    [Fact]
    public void No_block_is_fetched_from_a_peer_whose_chain_has_less_than_the_minimum_chain_work()
    {
        var strict = new BlockDownloadScheduler(_chain) { MinimumChainWork = _chain.Tip.ChainWork + 2 * 1101 };
        foreach (var header in _headers) strict.AddHeader(1, header, header.PreviousBlockHash == _chain.Tip.Hash ? _chain.Tip : null);
        strict.Assign(1, Now).Should().BeEmpty();
        strict.AddHeader(1, HeadersPresyncTests.Chain(_headers[^1].Hash, 1)[0], null);
        strict.Assign(1, Now).Should().HaveCount(16, "one more header reaches the minimum");
    }

    public void Dispose() => _chain.Dispose();
}
