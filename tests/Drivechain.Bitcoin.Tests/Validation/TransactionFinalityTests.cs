using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class TransactionFinalityTests
{
    private static Transaction Tx(uint lockTime, uint sequence) =>
        new TestTx().Input(new OutPoint(UInt256.Zero, 0), sequence).Output(1).LockTime(lockTime).Build();

    [Fact]
    public void Lock_time_zero_is_always_final() => TransactionFinality.IsFinal(Tx(0, 0), 0, 0).Should().BeTrue();

    [Theory]
    [InlineData(99u, 100, true)]
    [InlineData(100u, 100, false)]   // lock time is the last invalid height
    [InlineData(499_999_999u, 500_000_000, true)]
    public void Height_lock_is_final_below_the_block_height(uint lockTime, int height, bool final) =>
        TransactionFinality.IsFinal(Tx(lockTime, 0), height, long.MaxValue).Should().Be(final);

    [Theory]
    [InlineData(500_000_000u, 500_000_001L, true)]
    [InlineData(500_000_000u, 500_000_000L, false)]
    [InlineData(1_700_000_000u, 1_700_000_000L, false)]
    public void Time_lock_from_500000000_is_judged_against_the_time_not_the_height(uint lockTime, long time, bool final) =>
        TransactionFinality.IsFinal(Tx(lockTime, 0), int.MaxValue, time).Should().Be(final);

    [Fact]
    public void Unreached_lock_time_is_ignored_when_every_sequence_is_final()
    {
        TransactionFinality.IsFinal(Tx(1000, TxIn.SequenceFinal), 1, 0).Should().BeTrue();
        TransactionFinality.IsFinal(Tx(1000, TxIn.SequenceFinal - 1), 1, 0).Should().BeFalse();
    }
}
