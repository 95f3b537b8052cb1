using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Tests.P2P;

public sealed class RecentRejectsTests
{
    [Fact]
    public void Recent_rejects_forget_the_oldest_generation_and_reset()
    {
        var rejects = new RecentRejects();
        for (var i = 0; i < RecentRejects.Capacity; i++) rejects.Add(new UInt256((ulong)i));
        rejects.Contains(new UInt256(0)).Should().BeTrue();
        rejects.Add(new UInt256(ulong.MaxValue));
        rejects.Contains(new UInt256(0)).Should().BeFalse("the oldest generation was dropped");
        rejects.Contains(new UInt256(ulong.MaxValue)).Should().BeTrue();
        rejects.Reset();
        rejects.Contains(new UInt256(ulong.MaxValue)).Should().BeFalse();
    }
}
