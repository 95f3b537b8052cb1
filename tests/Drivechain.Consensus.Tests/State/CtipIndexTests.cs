using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.State;

/// <summary>The CTIP index against a dictionary, driven as the state drives it (remove before the record changes, set after).</summary>
public class CtipIndexTests
{
    [Theory]
    [InlineData(0xFFFF_FFFFUL)]   // spread-out txids
    [InlineData(0x3FUL)]          // 64 txids for 256 slots: outpoints share a txid, homes and hash bits collide
    public void Find_set_and_remove_agree_with_a_dictionary(ulong txidBits)
    {
        var random = new Random(301);
        var slots = DrivechainState.Empty.CopySlots();
        var index = CtipIndex.Empty.Clone();
        var expected = new Dictionary<OutPoint, int>();
        OutPoint RandomOutPoint() => new(new UInt256((ulong)random.NextInt64() & txidBits, 0, 0, (ulong)random.Next(4)), (uint)random.Next(3));

        for (int step = 0; step < 5_000; step++)
        {
            byte slot = (byte)random.Next(DrivechainState.SlotCount);
            var next = RandomOutPoint();
            if (expected.ContainsKey(next)) continue;   // an outpoint is the CTIP of at most one slot
            if (slots[slot].Ctip is { } old)
            {
                index.Remove(old.OutPoint, slots);
                expected.Remove(old.OutPoint);
            }
            slots.Set(slot, slots[slot].WithTreasury(new Ctip(next, new Money(1)), slots[slot].History));
            index.Set(next, slot, slots);
            expected[next] = slot;

            index.Count.Should().Be(expected.Count);
            foreach (var (outPoint, owner) in expected) index.Find(outPoint, slots).Should().Be(owner);
            for (int miss = 0; miss < 8; miss++)
            {
                var probe = RandomOutPoint();
                index.Find(probe, slots).Should().Be(expected.TryGetValue(probe, out var owner) ? owner : -1);
            }
        }
    }

    [Fact]
    public void A_clone_is_changed_alone()
    {
        var slots = DrivechainState.Empty.CopySlots();
        var outPoint = new OutPoint(new UInt256(7), 1);
        slots.Set(3, slots[3].WithTreasury(new Ctip(outPoint, new Money(1)), slots[3].History));
        var original = CtipIndex.Empty.Clone();
        original.Set(outPoint, 3, slots);

        var copy = original.Clone();
        copy.Remove(outPoint, slots);
        var other = new OutPoint(new UInt256(8), 0);
        slots.Set(4, slots[4].WithTreasury(new Ctip(other, new Money(1)), slots[4].History));
        copy.Set(other, 4, slots);

        copy.Find(outPoint, slots).Should().Be(-1);
        copy.Find(other, slots).Should().Be(4);
        original.Find(outPoint, slots).Should().Be(3);
        original.Find(other, slots).Should().Be(-1);
        original.Count.Should().Be(1);
        CtipIndex.Empty.IsEmpty.Should().BeTrue();
        CtipIndex.Empty.Find(outPoint, slots).Should().Be(-1);
    }
}
