using Drivechain.Wallet.Spending;
using static Drivechain.Wallet.Tests.Ledger.LedgerFixtures;

namespace Drivechain.Wallet.Tests.Spending;

public sealed class CoinSelectorTests
{
    [Fact]
    public void Branch_and_bound_finds_an_exact_match_that_needs_no_change()
    {
        var coins = new[] { Coin(1_000), Coin(2_000), Coin(5_000), Coin(3_000) };

        var selection = CoinSelector.Select(coins, target: 5_000, inputFee: 0, costOfChange: 100, minChange: 294);

        selection!.Algorithm.Should().Be(SelectionAlgorithm.BranchAndBound);
        selection.Coins.Sum(c => c.Satoshis).Should().Be(5_000);
    }

    [Fact]
    public void Branch_and_bound_counts_the_input_fee_in_the_effective_value()
    {
        var coins = new[] { Coin(1_068), Coin(2_068), Coin(10_000) };

        var selection = CoinSelector.Select(coins, target: 3_000, inputFee: 68, costOfChange: 50, minChange: 294);

        selection!.Algorithm.Should().Be(SelectionAlgorithm.BranchAndBound);
        selection.Coins.Select(c => c.Satoshis).Should().BeEquivalentTo([1_068L, 2_068L]);
    }

    [Fact]
    public void Without_a_match_the_selection_leaves_room_for_change()
    {
        var coins = new[] { Coin(1_000), Coin(7_000), Coin(4_000) };

        var selection = CoinSelector.Select(coins, target: 9_000, inputFee: 0, costOfChange: 100, minChange: 294, random: new Random(1));

        selection!.Algorithm.Should().NotBe(SelectionAlgorithm.BranchAndBound);
        selection.Coins.Select(c => c.Satoshis).Should().BeEquivalentTo([7_000L, 4_000L]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void When_branch_and_bound_fails_at_a_low_fee_rate_knapsack_wastes_less_than_largest_first(int seed)
    {
        // 2 sat/vB now, 10 sat/vB long-term: each input spent now saves 544 sat of future fees (Core's waste metric).
        const long inputFee = 136, longTerm = 680, costOfChange = 62 + 136, target = 100_000_000;
        var coins = new[] { Coin(1_000_000_000), Coin(60_000_000), Coin(50_000_000) };
        CoinSelector.BranchAndBound([.. coins.OrderByDescending(c => c.Satoshis)], target, inputFee, costOfChange).Should().BeNull();

        var selection = CoinSelector.Select(coins, target, inputFee, costOfChange, minChange: 294, longTerm, new Random(seed));

        selection!.Algorithm.Should().Be(SelectionAlgorithm.Knapsack);
        selection.Coins.Select(c => c.Satoshis).Should().BeEquivalentTo([60_000_000L, 50_000_000L]);
        var largestFirst = CoinSelector.Waste([coins[0]], target, inputFee, longTerm, costOfChange, 294);
        CoinSelector.Waste(selection.Coins, target, inputFee, longTerm, costOfChange, 294).Should().BeLessThan(largestFirst);
    }

    [Fact]
    public void At_a_high_fee_rate_largest_first_with_one_input_wastes_less_than_a_knapsack_of_several()
    {
        // 50 sat/vB now, 10 long-term: each extra input costs 2,720 sat of waste.
        const long inputFee = 3_400, longTerm = 680, costOfChange = 1_550 + 3_400, target = 100_000;
        var coins = new[] { Coin(120_000 + inputFee), Coin(60_000 + inputFee), Coin(60_000 + inputFee, 1), Coin(60_000 + inputFee, 2) };

        var selection = CoinSelector.Select(coins, target, inputFee, costOfChange, minChange: 294, longTerm, new Random(7));

        selection!.Algorithm.Should().Be(SelectionAlgorithm.LargestFirst);
        selection.Coins.Should().ContainSingle().Which.Satoshis.Should().Be(120_000 + inputFee);
    }

    [Fact]
    public void Knapsack_takes_a_coin_equal_to_the_target_at_once_and_the_smallest_larger_coin_when_the_small_ones_fall_short()
    {
        CoinSelector.Knapsack([Coin(3_000), Coin(5_000), Coin(9_000)], 5_000, 0, 50_000, new Random(3))!
            .Should().ContainSingle().Which.Satoshis.Should().Be(5_000);
        CoinSelector.Knapsack([Coin(1_000), Coin(2_000), Coin(900_000), Coin(700_000)], 10_000, 0, 50_000, new Random(3))!
            .Should().ContainSingle().Which.Satoshis.Should().Be(700_000);
        CoinSelector.Knapsack([Coin(1_000), Coin(2_000)], 10_000, 0, 50_000, new Random(3)).Should().BeNull();
    }

    [Fact]
    public void The_change_target_follows_core_small_payments_fixed_larger_ones_random_within_bounds()
    {
        CoinSelector.GenerateChangeTarget(20_000, 200, new Random(1)).Should().Be(50_200);
        var random = new Random(5);
        for (var i = 0; i < 100; i++)
            CoinSelector.GenerateChangeTarget(300_000, 200, random).Should().BeInRange(50_200, 200 + 600_000 - 1);
    }

    [Fact]
    public void Coins_that_cannot_cover_the_target_give_no_selection()
    {
        CoinSelector.Select([Coin(1_000), Coin(2_000)], target: 3_001, inputFee: 0, costOfChange: 0, minChange: 0).Should().BeNull();
    }

    [Fact]
    public void Coins_worth_less_than_their_input_fee_are_never_chosen()
    {
        CoinSelector.Select([Coin(60), Coin(60), Coin(60)], target: 1, inputFee: 68, costOfChange: 0, minChange: 0).Should().BeNull();
    }
}
