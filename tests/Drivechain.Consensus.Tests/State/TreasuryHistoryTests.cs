using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.State;

/// <summary>The shared append-only history: every version keeps seeing exactly its own entries.</summary>
public class TreasuryHistoryTests
{
    private static TreasuryEntry Entry(int seq) =>
        new(seq, new OutPoint(new UInt256([.. Enumerable.Repeat((byte)(seq + 1), 32)]), (uint)seq), new Money(1_000 * (seq + 1)), new Money(1_000 * seq));

    private static TreasuryHistory Append(TreasuryHistory history, int count)
    {
        for (int i = 0; i < count; i++) history = history.Add(Entry(history.Count));
        return history;
    }

    [Fact]
    public void Appending_to_an_older_version_leaves_the_newer_one_unchanged()
    {
        var older = Append(TreasuryHistory.Empty, 3);
        var newer = older.Add(Entry(3));
        var fork = older.Add(Entry(3) with { TotalValue = new Money(1) });   // a block after a disconnect, or a template

        newer.Should().Equal(Entry(0), Entry(1), Entry(2), Entry(3));
        fork.Should().Equal(Entry(0), Entry(1), Entry(2), Entry(3) with { TotalValue = new Money(1) });
        older.Should().Equal(Entry(0), Entry(1), Entry(2));
    }

    [Fact]
    public void Take_then_add_copies_instead_of_overwriting_the_cells_other_versions_see()
    {
        var full = Append(TreasuryHistory.Empty, 5);
        var undone = full.Take(2);
        var redone = undone.Add(Entry(2) with { PreviousTotalValue = new Money(7) });

        full.Should().Equal(Enumerable.Range(0, 5).Select(Entry));
        undone.Should().Equal(Entry(0), Entry(1));
        redone[2].PreviousTotalValue.Should().Be(new Money(7));
        full[2].PreviousTotalValue.Should().Be(new Money(2_000));
    }

    [Fact]
    public void Two_threads_appending_to_the_same_version_each_get_their_own_entry()
    {
        for (int round = 0; round < 200; round++)
        {
            var start = Append(TreasuryHistory.Empty, 2);   // capacity 4, cell 2 free: both threads race for it
            TreasuryHistory? a = null, b = null;
            using var go = new Barrier(2);
            var ta = new Thread(() => { go.SignalAndWait(); a = start.Add(Entry(2) with { TotalValue = new Money(111) }); });
            var tb = new Thread(() => { go.SignalAndWait(); b = start.Add(Entry(2) with { TotalValue = new Money(222) }); });
            ta.Start(); tb.Start(); ta.Join(); tb.Join();

            a![2].TotalValue.Should().Be(new Money(111));
            b![2].TotalValue.Should().Be(new Money(222));
            start.Count.Should().Be(2);
        }
    }

    [Fact]
    public void Indexing_past_the_version_count_throws_even_when_the_buffer_holds_more()
    {
        var full = Append(TreasuryHistory.Empty, 4);
        var undone = full.Take(3);

        undone.Invoking(h => h[3]).Should().Throw<ArgumentOutOfRangeException>();
        undone.AsSpan().Length.Should().Be(3);
        full.Invoking(h => h.Take(5)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
