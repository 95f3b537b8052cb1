using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Tests.P2P;

public sealed class RecentHashesTests
{
    [Theory]
    [InlineData(120_000)]   // the mempool's recent rejects (Core's filter size)
    [InlineData(2_048)]     // the blocks a peer is known to have
    public void Recent_hashes_forget_the_oldest_generation_and_reset(int capacity)
    {
        var recent = new RecentHashes(capacity);
        for (var i = 0; i < capacity; i++) recent.Add(new UInt256((ulong)i));
        recent.Contains(new UInt256(0)).Should().BeTrue();
        recent.Add(new UInt256(ulong.MaxValue));
        recent.Contains(new UInt256(0)).Should().BeFalse("the oldest generation was dropped");
        recent.Contains(new UInt256((ulong)capacity - 1)).Should().BeTrue();
        recent.Contains(new UInt256(ulong.MaxValue)).Should().BeTrue();
        recent.Reset();
        recent.Contains(new UInt256(ulong.MaxValue)).Should().BeFalse();
    }
}
