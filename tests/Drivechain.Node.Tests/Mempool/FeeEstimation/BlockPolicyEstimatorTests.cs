using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Mempool.FeeEstimation;

namespace Drivechain.Node.Tests.Mempool.FeeEstimation;

/// <summary>The estimator's arithmetic driven by heights alone: no node, no clock.</summary>
public sealed class BlockPolicyEstimatorTests
{
    private const int Start = 200;
    private int _nextId;

    [Fact]
    public void A_fresh_estimator_has_no_answer_and_returns_target_zero_as_Core()
    {
        var estimator = new BlockPolicyEstimator();

        var estimate = estimator.EstimateSmartFee(6, conservative: false);

        estimate.Found.Should().BeFalse();
        estimate.ReturnedTarget.Should().Be(0);
    }

    [Fact]
    public void Transactions_that_all_confirm_in_the_next_block_give_their_own_fee_rate()
    {
        var estimator = Started();
        Run(estimator, blocks: 20, perBlock: 20, feeRate: 10_000, waits: 1);

        var estimate = estimator.EstimateSmartFee(2, conservative: false);

        estimate.Found.Should().BeTrue();
        estimate.FeeRatePerKvB.Should().Be(10_000);
        estimate.ReturnedTarget.Should().Be(2);
    }

    [Fact]
    public void A_low_fee_rate_that_waits_ten_blocks_answers_long_targets_but_not_short_ones()
    {
        var estimator = Started();
        Run(estimator, blocks: 40, perBlock: 20, feeRate: 20_000, waits: 1, lowFeeRate: 2_000, lowWaits: 10);

        estimator.TryEstimateRawFee(2, BlockPolicyEstimator.SuccessPct, FeeEstimateHorizon.Short, out var fast, out _).Should().BeTrue();
        estimator.TryEstimateRawFee(12, BlockPolicyEstimator.SuccessPct, FeeEstimateHorizon.Short, out var slow, out var detail).Should().BeTrue();

        fast.Should().Be(20_000);
        slow.Should().Be(2_000);
        detail.Pass.Start.Should().BeLessThan(2_000);
        detail.Pass.End.Should().BeGreaterThanOrEqualTo(2_000);
    }

    [Fact]
    public void The_smart_estimate_for_a_short_target_pays_what_confirmed_quickly()
    {
        var estimator = Started();
        Run(estimator, blocks: 40, perBlock: 20, feeRate: 20_000, waits: 1, lowFeeRate: 2_000, lowWaits: 10);

        var estimate = estimator.EstimateSmartFee(3, conservative: false);

        estimate.FeeRatePerKvB.Should().Be(20_000);
    }

    [Fact]
    public void A_target_beyond_half_the_blocks_of_data_is_lowered_to_what_the_data_covers()
    {
        var estimator = Started();
        Run(estimator, blocks: 9, perBlock: 40, feeRate: 5_000, waits: 1);   // data from height 201 to 209: span 8

        var estimate = estimator.EstimateSmartFee(25, conservative: false);

        estimate.ReturnedTarget.Should().Be(4);
        estimate.FeeRatePerKvB.Should().Be(5_000);
    }

    [Fact]
    public void Old_data_decays_until_the_estimator_no_longer_knows()
    {
        var estimator = Started();
        Run(estimator, blocks: 20, perBlock: 20, feeRate: 10_000, waits: 1);
        estimator.TryEstimateRawFee(2, 0.85, FeeEstimateHorizon.Short, out var before, out _);

        Run(estimator, blocks: 200, perBlock: 0, feeRate: 0, waits: 1);   // 200 empty blocks: the short horizon forgets
        estimator.TryEstimateRawFee(2, 0.85, FeeEstimateHorizon.Short, out var after, out var detail);

        before.Should().Be(10_000);
        after.Should().Be(0);
        detail.Fail.Start.Should().Be(0, "with too little data every bucket is one failing range");
    }

    [Fact]
    public void Transactions_that_wait_unconfirmed_in_the_mempool_count_against_their_bucket()
    {
        var estimator = Started();
        Run(estimator, blocks: 20, perBlock: 20, feeRate: 10_000, waits: 1);
        for (var i = 0; i < 400; i++)   // many more at the same rate that never confirm
            estimator.ProcessTransaction(NextId(), estimator.BestSeenHeight, 10_000, validForEstimation: true);
        Run(estimator, blocks: 3, perBlock: 0, feeRate: 0, waits: 1);

        estimator.TryEstimateRawFee(2, 0.85, FeeEstimateHorizon.Short, out var rate, out var detail);

        rate.Should().Be(0);
        detail.Fail.InMempool.Should().Be(400);
    }

    [Fact]
    public void A_transaction_removed_unconfirmed_after_waiting_is_a_failure_and_untracked()
    {
        var estimator = Started();
        var txid = NextId();
        estimator.ProcessTransaction(txid, Start, 3_000, validForEstimation: true);
        Run(estimator, blocks: 3, perBlock: 0, feeRate: 0, waits: 1);

        estimator.RemoveTransaction(txid);
        estimator.TryEstimateRawFee(1, 0.85, FeeEstimateHorizon.Short, out _, out var detail);

        estimator.TrackedCount.Should().Be(0);
        detail.Fail.LeftMempool.Should().BeApproximately(1, 0.01);
    }

    [Fact]
    public void Only_transactions_valid_for_estimation_and_entered_at_the_best_height_are_tracked()
    {
        var estimator = Started();

        estimator.ProcessTransaction(NextId(), Start, 3_000, validForEstimation: false);
        estimator.ProcessTransaction(NextId(), Start - 1, 3_000, validForEstimation: true);
        var later = NextId();
        estimator.ProcessTransaction(later, Start + 1, 3_000, validForEstimation: true);   // the mempool is a block ahead
        var pendingBefore = estimator.TrackedCount;
        var counted = estimator.ProcessBlock(Start + 1, []);
        var countedLater = estimator.ProcessBlock(Start + 2, [later]);

        pendingBefore.Should().Be(1);
        counted.Should().Be(0);
        countedLater.Should().Be(1, "it entered at height 201 and confirmed at 202");
        estimator.TrackedCount.Should().Be(0);
    }

    [Fact]
    public void Blocks_at_or_below_the_best_seen_height_are_ignored_as_reorgs()
    {
        var estimator = Started();
        var txid = NextId();
        estimator.ProcessTransaction(txid, Start, 3_000, validForEstimation: true);
        estimator.ProcessBlock(Start + 1, []);

        var counted = estimator.ProcessBlock(Start + 1, [txid]);

        counted.Should().Be(0);
        estimator.TrackedCount.Should().Be(1);
    }

    [Fact]
    public void Written_estimates_read_back_give_the_same_answers()
    {
        var estimator = Started();
        Run(estimator, blocks: 30, perBlock: 20, feeRate: 20_000, waits: 1, lowFeeRate: 2_000, lowWaits: 10);
        using var stream = new MemoryStream();
        estimator.Write(stream);
        stream.Position = 0;

        var loaded = BlockPolicyEstimator.Read(stream);
        loaded.SetBestHeight(estimator.BestSeenHeight);

        foreach (var target in new[] { 2, 5, 12 })
            loaded.EstimateSmartFee(target, conservative: false).Should().Be(estimator.EstimateSmartFee(target, conservative: false));
    }

    [Theory]
    [InlineData(0, "not a fee estimates file")]
    [InlineData(4, "unknown version")]
    public void A_file_with_a_wrong_header_is_refused(int offset, string reason)
    {
        var bytes = Written();
        bytes[offset] ^= 0xFF;

        var read = () => BlockPolicyEstimator.Read(new MemoryStream(bytes));

        read.Should().Throw<FormatException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void A_truncated_or_extended_file_is_refused()
    {
        var bytes = Written();

        var truncated = () => BlockPolicyEstimator.Read(new MemoryStream(bytes[..^8]));
        var extended = () => BlockPolicyEstimator.Read(new MemoryStream([.. bytes, 0]));

        truncated.Should().Throw<EndOfStreamException>();
        extended.Should().Throw<FormatException>().WithMessage("*trailing*");
    }

    [Fact]
    public void A_file_with_an_impossible_average_is_refused()
    {
        var bytes = Written();
        BitConverter.GetBytes(double.NaN).CopyTo(bytes, bytes.Length - 8);

        var read = () => BlockPolicyEstimator.Read(new MemoryStream(bytes));

        read.Should().Throw<FormatException>().WithMessage("*bad average*");
    }

    private static BlockPolicyEstimator Started()
    {
        var estimator = new BlockPolicyEstimator();
        estimator.SetBestHeight(Start);
        return estimator;
    }

    private byte[] Written()
    {
        var estimator = Started();
        Run(estimator, blocks: 5, perBlock: 5, feeRate: 4_000, waits: 1);
        using var stream = new MemoryStream();
        estimator.Write(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Runs <paramref name="blocks"/> blocks after the best seen height: before each, <paramref name="perBlock"/> transactions
    /// at <paramref name="feeRate"/> enter (confirming <paramref name="waits"/> blocks later) and as many at
    /// <paramref name="lowFeeRate"/> (confirming <paramref name="lowWaits"/> blocks later) when given.
    /// </summary>
    private void Run(BlockPolicyEstimator estimator, int blocks, int perBlock, long feeRate, int waits, long lowFeeRate = 0, int lowWaits = 0)
    {
        var due = new Dictionary<int, List<UInt256>>();
        var height = estimator.BestSeenHeight;
        var end = height + blocks;
        for (; height < end; height++)
        {
            for (var i = 0; i < perBlock; i++)
            {
                Enter(estimator, due, height, feeRate, waits);
                if (lowFeeRate > 0) Enter(estimator, due, height, lowFeeRate, lowWaits);
            }
            estimator.ProcessBlock(height + 1, due.Remove(height + 1, out var confirmed) ? confirmed : []);
        }
    }

    private void Enter(BlockPolicyEstimator estimator, Dictionary<int, List<UInt256>> due, int height, long feeRate, int waits)
    {
        var txid = NextId();
        estimator.ProcessTransaction(txid, height, feeRate, validForEstimation: true);
        if (!due.TryGetValue(height + waits, out var list)) due[height + waits] = list = [];
        list.Add(txid);
    }

    private UInt256 NextId()
    {
        var bytes = new byte[32];
        BitConverter.GetBytes(++_nextId).CopyTo(bytes, 0);
        return new UInt256(bytes);
    }
}
