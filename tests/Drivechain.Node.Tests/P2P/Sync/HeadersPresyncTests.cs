using System.Collections.Immutable;
using System.Numerics;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Sync;

namespace Drivechain.Node.Tests.P2P.Sync;

public sealed class HeadersPresyncTests
{
    private static readonly UInt256 Genesis = Network.Regtest.GenesisHash;

    /// <summary>A chain of regtest headers (2 units of work each) above genesis; <paramref name="salt"/> makes another chain.</summary>
    internal static List<BlockHeader> Chain(UInt256 parent, int count, uint salt = 0)
    {
        var headers = new List<BlockHeader>(count);
        for (var i = 0; i < count; i++)
        {
            var header = new BlockHeader(4, parent, UInt256.Zero, 1_700_000_000 + (uint)i, 0x207fffff, salt);
            headers.Add(header);
            parent = header.Hash;
        }
        return headers;
    }

    [Fact]
    public void Presync_counts_work_without_keeping_headers_then_redownload_releases_headers_as_kept_hashes_match()
    {
        var chain = Chain(Genesis, 2500);
        var presync = new HeadersPresync(Genesis, 0, 2, threshold: 2 + 2 * 2100);   // reached at height 2100

        presync.Presync([.. chain[..2000]], fullBatch: true).Should().Be(PresyncStep.Continue);
        presync.Last.Should().Be(chain[1999].Hash);
        presync.Presync([.. chain[2000..2500]], fullBatch: false).Should().Be(PresyncStep.Redownload);
        presync.Redownloading.Should().BeTrue();
        presync.PresyncHeight.Should().Be(2100);
        presync.Last.Should().Be(Genesis, "redownload starts again above the start");

        presync.Redownload([.. chain[..1500]], fullBatch: true, out var first).Should().Be(PresyncStep.Continue);
        first.Should().Equal(chain[..1000], "only headers up to the kept hash at height 1000 are proven");
        presync.Redownload([.. chain[1500..2200]], fullBatch: true, out var second).Should().Be(PresyncStep.Done);
        second.Should().Equal(chain[1000..2200], "everything up to the threshold header is proven, the rest has enough work");
    }

    [Fact]
    public void A_redownloaded_chain_that_differs_from_the_presynced_one_is_abandoned()
    {
        var presync = new HeadersPresync(Genesis, 0, 2, threshold: 2 + 2 * 1500);
        presync.Presync([.. Chain(Genesis, 2000)], fullBatch: true).Should().Be(PresyncStep.Redownload);

        presync.Redownload([.. Chain(Genesis, 1200, salt: 7)], fullBatch: false, out var verified).Should().Be(PresyncStep.Abandon);
        verified.Should().BeEmpty("nothing of a chain that misses the kept hash at height 1000 is stored");
    }

    [Fact]
    public void A_chain_that_ends_below_the_threshold_or_does_not_continue_is_abandoned()
    {
        new HeadersPresync(Genesis, 0, 2, threshold: new BigInteger(1) << 40)
            .Presync([.. Chain(Genesis, 1500)], fullBatch: false).Should().Be(PresyncStep.Abandon);
        var presync = new HeadersPresync(Genesis, 0, 2, threshold: new BigInteger(1) << 40);
        presync.Presync([.. Chain(Genesis, 2000)], fullBatch: true).Should().Be(PresyncStep.Continue);
        presync.Presync([.. Chain(Genesis, 10, salt: 3)], fullBatch: false).Should().Be(PresyncStep.Abandon);
        presync.Presync(ImmutableArray<BlockHeader>.Empty, fullBatch: false).Should().Be(PresyncStep.Abandon);
    }
}
