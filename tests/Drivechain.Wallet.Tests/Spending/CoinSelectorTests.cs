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
    public void Without_a_match_largest_first_leaves_room_for_change()
    {
        var coins = new[] { Coin(1_000), Coin(7_000), Coin(4_000) };

        var selection = CoinSelector.Select(coins, target: 9_000, inputFee: 0, costOfChange: 100, minChange: 294);

        selection!.Algorithm.Should().Be(SelectionAlgorithm.LargestFirst);
        selection.Coins.Select(c => c.Satoshis).Should().Equal(7_000L, 4_000L);
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
