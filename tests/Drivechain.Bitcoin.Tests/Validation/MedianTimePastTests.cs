using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class MedianTimePastTests
{
    [Fact]
    public void Median_of_eleven_unsorted_times_is_the_sixth_smallest() =>
        MedianTimePast.Compute([11, 3, 7, 1, 9, 5, 2, 10, 4, 8, 6]).Should().Be(6);

    [Fact]
    public void Even_count_takes_the_upper_middle_as_Core_does() =>
        MedianTimePast.Compute([10, 40, 20, 30]).Should().Be(30);

    [Fact]
    public void Single_time_is_its_own_median() => MedianTimePast.Compute([42]).Should().Be(42);

    [Fact]
    public void More_than_eleven_times_is_a_caller_bug()
    {
        var act = () => MedianTimePast.Compute(new uint[12]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Test_chain_history_median_lags_five_blocks_behind_a_regular_chain()
    {
        var chain = new TestChain().AddHistory(20);
        chain.GetMedianTimePast(20).Should().Be(chain.GetMedianTimePast(0) + 15 * 600);
    }
}
