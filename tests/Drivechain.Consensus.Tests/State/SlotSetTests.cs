using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.State;

/// <summary>The slot bit set against a sorted set of the same slots.</summary>
public class SlotSetTests
{
    [Fact]
    public void Enumeration_count_nth_and_first_except_agree_with_a_sorted_set()
    {
        var random = new Random(300);
        for (int round = 0; round < 500; round++)
        {
            var a = new SlotSet();
            var b = new SlotSet();
            var expectedA = new SortedSet<int>();
            var expectedB = new SortedSet<int>();
            int count = random.Next(0, round % 3 == 0 ? 256 : 8);
            for (int i = 0; i < count; i++)
            {
                int slot = random.Next(256);
                a.Add((byte)slot).Should().Be(expectedA.Add(slot));
                if (random.Next(2) == 0) { b.Add((byte)slot); expectedB.Add(slot); }
            }

            var seen = new List<int>();
            foreach (int slot in a) seen.Add(slot);
            seen.Should().Equal(expectedA);
            a.Count.Should().Be(expectedA.Count);
            for (int n = 0; n < seen.Count; n++) a.Nth(n).Should().Be((byte)seen[n]);
            a.Invoking(set => set.Nth(seen.Count)).Should().Throw<ArgumentOutOfRangeException>();
            a.FirstExcept(b).Should().Be(expectedA.Except(expectedB).DefaultIfEmpty(-1).Min());
        }
    }
}
