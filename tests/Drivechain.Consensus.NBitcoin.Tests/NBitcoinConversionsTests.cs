using NBitcoin;
using OurBlock = Drivechain.Bitcoin.Primitives.Block;

namespace Drivechain.Consensus.NBitcoin.Tests;

public sealed class NBitcoinConversionsTests
{
    [Theory]
    [MemberData(nameof(PublicVectorBlocks.All), MemberType = typeof(PublicVectorBlocks))]
    public void Every_block_and_transaction_round_trips_byte_for_byte_through_NBitcoin(string vector)
    {
        var network = global::NBitcoin.Network.RegTest;
        var blocks = PublicVectorBlocks.Blocks(PublicVectorBlocks.PathOf(vector));

        blocks.Should().NotBeEmpty();
        foreach (var raw in blocks)
        {
            var theirs = global::NBitcoin.Block.Load(raw, network);
            var ours = NBitcoinConversions.ToDrivechain(theirs);
            ours.ToBytes().Should().Equal(raw);
            ours.Hash.ToString().Should().Be(theirs.GetHash().ToString());
            NBitcoinConversions.ToNBitcoin(OurBlock.Parse(raw), network).ToBytes().Should().Equal(raw);
            foreach (var tx in theirs.Transactions)
                NBitcoinConversions.ToDrivechain(tx).WTxId.ToString().Should().Be(tx.GetWitHash().ToString());
        }
    }
}
