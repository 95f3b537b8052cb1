using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Wallet.Spending;
using static Drivechain.Wallet.Tests.Ledger.LedgerFixtures;

namespace Drivechain.Wallet.Tests.Spending;

public sealed class TransactionPlannerTests
{
    [Fact]
    public void A_fee_rate_plan_pays_at_least_the_rate_of_its_estimated_size_and_returns_change_last()
    {
        var request = new SpendRequest([new TxOut(new Money(40_000), Other)], new FeeMode.Rate(2_000), Change0);

        var plan = TransactionPlanner.Plan(request, [Coin(100_000)]);

        plan.ChangeIndex.Should().Be(1);
        plan.Unsigned.Outputs[1].ScriptPubKey.Should().Be(Change0);
        var vsize = TransactionSizes.EstimateVSize([true], plan.Unsigned.Outputs);
        plan.Fee.Should().Be(TransactionSizes.Fee(vsize, 2_000));
        plan.Unsigned.Outputs.Sum(o => o.Value.Satoshis).Should().Be(100_000 - plan.Fee);
        plan.Unsigned.Inputs.Should().OnlyContain(i => i.Sequence == 0xfffffffd, "BIP125 signalling is on by default");
    }

    [Fact]
    public void An_absolute_fee_is_exact()
    {
        var request = new SpendRequest([new TxOut(new Money(40_000), Other)], new FeeMode.Absolute(1_234), Change0);

        var plan = TransactionPlanner.Plan(request, [Coin(30_000), Coin(25_000)]);

        plan.Fee.Should().Be(1_234);
        plan.Spent.Sum(o => o.Value.Satoshis).Should().Be(plan.Unsigned.Outputs.Sum(o => o.Value.Satoshis) + 1_234);
    }

    [Fact]
    public void A_deposit_keeps_the_ctip_input_first_and_the_treasury_and_address_outputs_in_front_of_change()
    {
        var treasury = TreasuryScript.Create(3);
        var ctip = new ForeignInput(new OutPoint(new UInt256(42), 0), new TxOut(new Money(500_000), treasury));
        var request = new SpendRequest(
            [new TxOut(new Money(700_000), treasury), new TxOut(Money.Zero, DepositAddress.Create("addr"u8))], new FeeMode.Absolute(1_000), Change0)
        { ForeignInputs = [ctip] };

        var plan = TransactionPlanner.Plan(request, [Coin(1_000_000)]);

        plan.Unsigned.Inputs[0].PrevOut.Should().Be(ctip.OutPoint);
        plan.Unsigned.Outputs[0].ScriptPubKey.Should().Be(treasury);
        plan.Unsigned.Outputs[1].ScriptPubKey.Span.ToArray().Should().Equal([0x6a, 0x04, .. "addr"u8.ToArray()]);
        plan.Unsigned.Outputs[2].Value.Satoshis.Should().Be(1_000_000 + 500_000 - 700_000 - 1_000);
    }

    [Fact]
    public void Not_enough_coins_is_insufficient_funds()
    {
        var request = new SpendRequest([new TxOut(new Money(40_000), Other)], new FeeMode.Rate(1_000), Change0);

        var act = () => TransactionPlanner.Plan(request, [Coin(30_000)]);

        act.Should().Throw<InsufficientFundsException>();
    }

    [Fact]
    public void Draining_spends_every_coin_into_one_output_without_change()
    {
        var request = new SpendRequest([], new FeeMode.Rate(1_000), Change0) { DrainTo = Other };

        var plan = TransactionPlanner.Plan(request, [Coin(10_000), Coin(20_000)]);

        plan.Unsigned.Outputs.Should().ContainSingle().Which.ScriptPubKey.Should().Be(Other);
        plan.Unsigned.Outputs[0].Value.Satoshis.Should().Be(30_000 - plan.Fee);
        plan.ChangeIndex.Should().Be(-1);
    }

    [Fact]
    public void Subtracting_the_fee_from_outputs_selects_for_the_payments_alone_and_splits_the_fee_first_output_paying_the_remainder()
    {
        var request = new SpendRequest([new TxOut(new Money(40_000), Other), new TxOut(new Money(30_000), Mine1)], new FeeMode.Rate(3_000), Change0)
        {
            SubtractFeeFromOutputs = [1, 0],
        };

        var plan = TransactionPlanner.Plan(request, [Coin(70_000)]);

        plan.ChangeIndex.Should().Be(-1, "the coin covers the payments exactly: the outputs pay the fee");
        plan.Fee.Should().Be(TransactionSizes.Fee(TransactionSizes.EstimateVSize([true], plan.Unsigned.Outputs), 3_000));
        var half = plan.Fee / 2;
        plan.Unsigned.Outputs[1].Value.Satoshis.Should().Be(30_000 - half - plan.Fee % 2, "the first listed position pays the remainder");
        plan.Unsigned.Outputs[0].Value.Satoshis.Should().Be(40_000 - half);
        plan.Unsigned.Outputs.Sum(o => o.Value.Satoshis).Should().Be(70_000 - plan.Fee);
    }

    [Fact]
    public void Subtracting_the_fee_keeps_the_whole_rest_as_change_and_refuses_an_output_left_as_dust()
    {
        var request = new SpendRequest([new TxOut(new Money(20_000), Other)], new FeeMode.Rate(2_000), Change0) { SubtractFeeFromOutputs = [0] };
        var plan = TransactionPlanner.Plan(request, [Coin(100_000)]);
        plan.Unsigned.Outputs[plan.ChangeIndex].Value.Satoshis.Should().Be(80_000);
        plan.Unsigned.Outputs[0].Value.Satoshis.Should().Be(20_000 - plan.Fee);

        var tooSmall = request with { Outputs = [new TxOut(new Money(400), Other)] };
        FluentActions.Invoking(() => TransactionPlanner.Plan(tooSmall, [Coin(100_000)]))
            .Should().Throw<InsufficientFundsException>().WithMessage("*too small to pay the fee*");
    }

    [Fact]
    public void Core_dust_thresholds_are_294_for_p2wpkh_546_for_p2pkh_and_none_for_op_return()
    {
        TransactionSizes.DustThreshold(new TxOut(Money.Zero, Other)).Should().Be(294);
        var p2pkh = new Drivechain.Bitcoin.Scripting.Script((byte[])[0x76, 0xa9, 0x14, .. new byte[20], 0x88, 0xac]);
        TransactionSizes.DustThreshold(new TxOut(Money.Zero, p2pkh)).Should().Be(546);
        TransactionSizes.DustThreshold(new TxOut(Money.Zero, new Drivechain.Bitcoin.Scripting.Script((byte[])[0x6a, 0x01, 0x00]))).Should().Be(0);
    }
}
