using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Tests.P2P;

public sealed class OrphanPoolTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddDays(20_000);

    private static Transaction Spending(UInt256 parent, uint index = 0, int scriptBytes = 1) =>
        new(2, [new TxIn(new OutPoint(parent, index), Script.Empty)], [new TxOut(new Money(1000), new Script(new byte[scriptBytes]))], 0);

    private static UInt256 Hash(int n) => new((ulong)n);

    [Fact]
    public void An_orphan_is_handed_back_once_its_parent_arrives()
    {
        var pool = new OrphanPool();
        var child = Spending(Hash(1));
        pool.Add(child, peerId: 7, Now).Should().BeTrue();
        pool.Contains(child.WTxId).Should().BeTrue();

        pool.TakeChildren(Hash(2)).Should().BeEmpty();
        pool.TakeChildren(Hash(1)).Should().ContainSingle().Which.Should().Be((child, 7L));
        pool.Count.Should().Be(0);
    }

    [Fact]
    public void Orphans_expire_after_twenty_minutes_and_leave_with_their_peer()
    {
        var pool = new OrphanPool();
        pool.Add(Spending(Hash(1)), peerId: 1, Now);
        pool.Add(Spending(Hash(2)), peerId: 2, Now + TimeSpan.FromMinutes(10));

        pool.Limit(Now + OrphanPool.Expiry, new Random(1)).Should().Be(1);
        pool.EraseForPeer(2).Should().Be(1);
        pool.Count.Should().Be(0);
    }

    [Fact]
    public void The_pool_keeps_at_most_one_hundred_orphans_and_refuses_heavy_ones()
    {
        var pool = new OrphanPool();
        for (var i = 0; i < 150; i++) pool.Add(Spending(Hash(i)), peerId: 1, Now).Should().BeTrue();
        pool.Limit(Now, new Random(1)).Should().Be(50);
        pool.Count.Should().Be(OrphanPool.MaxOrphans);

        pool.Add(Spending(Hash(1000), scriptBytes: OrphanPool.MaxOrphanWeight / 4), peerId: 1, Now).Should().BeFalse();
    }
}
