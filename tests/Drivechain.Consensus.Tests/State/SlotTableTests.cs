using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.State;

/// <summary>The chunked slot table against plain arrays: a copy shares records until it writes, and writes alone.</summary>
public class SlotTableTests
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
}
