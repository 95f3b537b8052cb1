using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.State;

/// <summary>The chunked copy-on-write array against plain arrays: a copy shares items until it writes, and writes alone.</summary>
public class ChunkedArrayTests
{
    [Fact]
    public void Copies_change_alone_and_keep_every_other_record()
    {
        var random = new Random(302);
        var table = DrivechainState.Empty.CopySlots();
        var expected = new SlotState[DrivechainState.SlotCount];
        for (int i = 0; i < expected.Length; i++) expected[i] = SlotState.Empty((byte)i);

        for (int generation = 0; generation < 200; generation++)
        {
            var before = (SlotState[])expected.Clone();
            var parent = table;
            table = parent.Copy();
            for (int write = random.Next(0, 8); write > 0; write--)
            {
                int slot = random.Next(DrivechainState.SlotCount);
                var record = new SlotState((byte)slot, null, [], [], (Ctip?)null, TreasuryHistory.Empty);   // a new instance each time
                table.Set(slot, record);
                expected[slot] = record;
            }
            for (int slot = 0; slot < DrivechainState.SlotCount; slot++)
            {
                table[slot].Should().BeSameAs(expected[slot]);
                parent[slot].Should().BeSameAs(before[slot]);
            }
            int walked = 0;
            foreach (var record in table) record.Should().BeSameAs(expected[walked++]);
            walked.Should().Be(DrivechainState.SlotCount);
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(512)]
    public void Cells_of_any_chunk_size_are_written_by_copies_alone(int length)
    {
        var original = ChunkedArray<uint>.Of(Enumerable.Range(0, length).Select(i => (uint)i).ToArray());
        var copy = original.Copy();
        copy.Set(length - 1, 7);
        copy.Set(0, 9);

        copy.Length.Should().Be(length);
        copy[0].Should().Be(9u);
        copy[length - 1].Should().Be(7u);
        original[0].Should().Be(0u);
        original[length - 1].Should().Be((uint)length - 1);
        var walked = new List<uint>();
        foreach (var cell in original) walked.Add(cell);
        walked.Should().Equal(Enumerable.Range(0, length).Select(i => (uint)i));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    [InlineData(48)]
    public void Lengths_other_than_16_times_a_power_of_two_are_refused(int length)
    {
        var act = () => ChunkedArray<uint>.Of(new uint[length]);
        act.Should().Throw<ArgumentException>();
    }
}
