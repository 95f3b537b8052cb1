using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class BlockValidationConnectBlockTests
{
    private const long Coin = Money.Coin;

    private static BlockValidationError RejectionOf(ConnectBlockResult result) =>
        result.Should().BeOfType<ConnectBlockResult.Rejected>().Subject.Error;

    private static ConnectBlockResult.Accepted Accepted(ConnectBlockResult result) =>
        result.Should().BeOfType<ConnectBlockResult.Accepted>().Subject;

    [Fact]
    public void Genesis_connects_with_an_empty_delta()
    {
        var chain = new TestChain();
        var result = BlockValidation.ConnectBlock(chain.Network.Genesis, 0, chain.Coins, chain, chain.Network, TestChain.Secp);

        Accepted(result).Delta.Should().BeSameAs(CoinsDelta.Empty);
    }

    [Fact]
    public void Spend_is_accepted_with_its_fee_and_the_delta_lists_spent_and_created_coins()
    {
        var chain = new TestChain();
        var coin = chain.Fund(10 * Coin);
        var spend = new TestTx().Input(coin).Output(6 * Coin).Output(3 * Coin).Build();
        var block = chain.NextBlock().Add(spend).With(b => b.CoinbaseValue = 50 * Coin + Coin).Build();

        var accepted = Accepted(chain.Connect(block));

        accepted.Fees.Should().Be(new Money(Coin));
        accepted.Delta.Spent.Should().ContainSingle().Which.OutPoint.Should().Be(coin);
        accepted.Delta.Spent[0].Coin.Output.Value.Should().Be(new Money(10 * Coin));
        accepted.Delta.Created.Select(c => c.OutPoint).Should().Equal(
            new OutPoint(block.Transactions[0].TxId, 0), new OutPoint(spend.TxId, 0), new OutPoint(spend.TxId, 1));
        accepted.Delta.Created[0].Coin.Should().Be(new Coin(block.Transactions[0].Outputs[0], 1, IsCoinbase: true));
        accepted.Delta.Created[1].Coin.IsCoinbase.Should().BeFalse();
    }

    [Fact]
    public void Unspendable_outputs_are_not_created()
    {
        var chain = new TestChain();
        var opReturn = new Script(new byte[] { 0x6a, 0x01, 0x02 });
        var tooBig = new Script(new byte[10_001]);
        var spend = new TestTx().Input(chain.Fund(Coin)).Output(1000, opReturn).Output(1000, tooBig).Output(1000).Build();

        var accepted = Accepted(chain.Connect(chain.NextBlock().Add(spend).Build()));

        accepted.Delta.Created.Select(c => c.OutPoint).Should().NotContain([new OutPoint(spend.TxId, 0), new OutPoint(spend.TxId, 1)]);
        accepted.Delta.Created.Select(c => c.OutPoint).Should().Contain(new OutPoint(spend.TxId, 2));
    }

    [Fact]
    public void Later_transaction_may_spend_an_earlier_ones_output_and_the_coin_is_in_neither_list()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Coin);
        var first = TestTx.Spend(coin, Coin - 100);
        var second = TestTx.Spend(new OutPoint(first.TxId, 0), Coin - 300);
        var block = chain.NextBlock().Add(first, second).With(b => b.CoinbaseValue = 50 * Coin + 300).Build();

        var accepted = Accepted(chain.Connect(block));

        accepted.Fees.Should().Be(new Money(300));
        accepted.Delta.Spent.Select(s => s.OutPoint).Should().Equal(coin);
        accepted.Delta.Created.Select(c => c.OutPoint).Should().NotContain(new OutPoint(first.TxId, 0));
        accepted.Delta.Created.Select(c => c.OutPoint).Should().Contain(new OutPoint(second.TxId, 0));
    }

    [Fact]
    public void Spending_a_later_transactions_output_is_bad_txns_inputs_missingorspent()
    {
        var chain = new TestChain();
        var first = TestTx.Spend(chain.Fund(Coin), Coin - 100);
        var second = TestTx.Spend(new OutPoint(first.TxId, 0), Coin - 300);

        RejectionOf(chain.Connect(chain.NextBlock().Add(second, first).Build())).RejectReason.Should().Be("bad-txns-inputs-missingorspent");
    }

    [Fact]
    public void Missing_coin_is_bad_txns_inputs_missingorspent()
    {
        var chain = new TestChain();
        var spend = TestTx.Spend(new OutPoint(Hashes.Sha256d([1, 2, 3]), 0), 1000);

        var error = RejectionOf(chain.Connect(chain.NextBlock().Add(spend).Build()));

        error.RejectReason.Should().Be("bad-txns-inputs-missingorspent");
        error.Detail.Should().Contain(spend.TxId.ToString());
    }

    [Fact]
    public void Two_transactions_spending_the_same_coin_is_bad_txns_inputs_missingorspent()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Coin);
        var block = chain.NextBlock().Add(TestTx.Spend(coin, 1000), TestTx.Spend(coin, 2000)).Build();

        RejectionOf(chain.Connect(block)).RejectReason.Should().Be("bad-txns-inputs-missingorspent");
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    public void Coinbase_output_matures_after_100_blocks(int depth, bool valid)
    {
        var chain = new TestChain().AddHistory(200);
        int spendHeight = chain.Height + 1;
        var coin = chain.Fund(Coin, height: spendHeight - depth, coinbase: true);

        var result = chain.Connect(chain.NextBlock().Add(TestTx.Spend(coin, 1000)).Build());

        if (valid) result.IsAccepted.Should().BeTrue();
        else RejectionOf(result).RejectReason.Should().Be("bad-txns-premature-spend-of-coinbase");
    }

    [Fact]
    public void Coin_value_above_max_money_is_bad_txns_inputvalues_outofrange()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Money.MaxMoneySatoshis + 1);

        RejectionOf(chain.Connect(chain.NextBlock().Add(TestTx.Spend(coin, 1000)).Build())).RejectReason
            .Should().Be("bad-txns-inputvalues-outofrange");
    }

    [Fact]
    public void Input_sum_above_max_money_is_bad_txns_inputvalues_outofrange()
    {
        var chain = new TestChain();
        var a = chain.Fund(Money.MaxMoneySatoshis);
        var b = chain.Fund(1);
        var spend = new TestTx().Input(a).Input(b).Output(1000).Build();

        RejectionOf(chain.Connect(chain.NextBlock().Add(spend).Build())).RejectReason.Should().Be("bad-txns-inputvalues-outofrange");
    }

    [Fact]
    public void Outputs_above_inputs_is_bad_txns_in_belowout()
    {
        var chain = new TestChain();
        var spend = TestTx.Spend(chain.Fund(Coin), Coin + 1);

        RejectionOf(chain.Connect(chain.NextBlock().Add(spend).Build())).RejectReason.Should().Be("bad-txns-in-belowout");
    }

    [Fact]
    public void Fees_summing_above_max_money_are_bad_txns_accumulated_fee_outofrange()
    {
        var chain = new TestChain();
        long big = 15_000_000 * Coin;
        var block = chain.NextBlock().Add(TestTx.Spend(chain.Fund(big), 0), TestTx.Spend(chain.Fund(big), 0)).Build();

        RejectionOf(chain.Connect(block)).RejectReason.Should().Be("bad-txns-accumulated-fee-outofrange");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Coinbase_may_claim_subsidy_plus_fees_but_not_one_satoshi_more(long extra, bool valid)
    {
        var chain = new TestChain();
        var spend = TestTx.Spend(chain.Fund(Coin), Coin - 5000);
        var block = chain.NextBlock().Add(spend).With(b => b.CoinbaseValue = 50 * Coin + 5000 + extra).Build();

        var result = chain.Connect(block);

        if (valid) result.IsAccepted.Should().BeTrue();
        else RejectionOf(result).RejectReason.Should().Be("bad-cb-amount");
    }

    [Theory]
    [InlineData(149, 50 * Coin)]
    [InlineData(150, 25 * Coin)]
    [InlineData(300, 1_250_000_000L)]
    public void Subsidy_halves_every_150_blocks_on_regtest(int height, long subsidy)
    {
        var chain = new TestChain().AddHistory(height - 1);

        chain.Connect(chain.NextBlock().With(b => b.CoinbaseValue = subsidy).Build()).IsAccepted.Should().BeTrue();
        RejectionOf(chain.Connect(chain.NextBlock().With(b => b.CoinbaseValue = subsidy + 1).Build())).RejectReason.Should().Be("bad-cb-amount");
    }

    [Fact]
    public void Transaction_duplicating_an_unspent_txid_is_bad_txns_BIP30_on_regtest()
    {
        var chain = new TestChain().AddHistory(10);
        var spend = TestTx.Spend(chain.Fund(Coin), 1000);
        chain.Coins.AddCoin(new OutPoint(spend.TxId, 0), new Coin(spend.Outputs[0], 5, false));

        RejectionOf(chain.Connect(chain.NextBlock().Add(spend).Build())).RejectReason.Should().Be("bad-txns-BIP30");
    }

    [Fact]
    public void Duplicated_coinbase_is_bad_txns_BIP30()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().Build();
        var coinbase = block.Transactions[0];
        chain.Coins.AddCoin(new OutPoint(coinbase.TxId, 0), new Coin(coinbase.Outputs[0], 1, true));

        RejectionOf(chain.Connect(block)).RejectReason.Should().Be("bad-txns-BIP30");
    }

    [Theory]
    [InlineData(14, false)]   // coin at 10, relative lock 5 blocks: valid from height 15
    [InlineData(15, true)]
    public void Height_based_sequence_lock_holds_until_the_coin_is_old_enough(int blockHeight, bool valid)
    {
        var chain = new TestChain().AddHistory(blockHeight - 1);
        var coin = chain.Fund(Coin, height: 10);
        var spend = new TestTx().Version(2).Input(coin, sequence: 5).Output(1000).Build();

        var result = chain.Connect(chain.NextBlock().Add(spend).Build());

        if (valid) result.IsAccepted.Should().BeTrue();
        else RejectionOf(result).RejectReason.Should().Be("bad-txns-nonfinal");
    }

    [Fact]
    public void Time_based_sequence_lock_counts_512_second_units_from_the_median_time_before_the_coins_block()
    {
        var chain = new TestChain().AddHistory(30);
        var coin = chain.Fund(Coin, height: 10);
        uint coinTime = chain.GetMedianTimePast(9);
        // Lock of 2 units = 1024 s: valid when the parent's median time past > coinTime + 1023.
        var spend = new TestTx().Version(2).Input(coin, sequence: TxIn.SequenceLockTimeTypeFlag | 2).Output(1000).Build();
        chain.GetMedianTimePast(chain.Height).Should().BeGreaterThan(coinTime + 1023);

        chain.Connect(chain.NextBlock().Add(spend).Build()).IsAccepted.Should().BeTrue();

        var tight = new TestChain().AddHistory(11);   // block 12: parent median time = time of block 6, inside the lock
        var tightCoin = tight.Fund(Coin, height: 10);
        tight.GetMedianTimePast(tight.Height).Should().BeLessThanOrEqualTo(tight.GetMedianTimePast(9) + 1023);
        var tightSpend = new TestTx().Version(2).Input(tightCoin, sequence: TxIn.SequenceLockTimeTypeFlag | 2).Output(1000).Build();
        RejectionOf(tight.Connect(tight.NextBlock().Add(tightSpend).Build())).RejectReason.Should().Be("bad-txns-nonfinal");
    }

    [Theory]
    [InlineData(1u, 5u)]                                     // version 1: BIP68 does not apply
    [InlineData(2u, 5u | TxIn.SequenceLockTimeDisableFlag)]  // disable flag
    public void Sequence_lock_is_ignored_for_version_1_or_the_disable_flag(uint version, uint sequence)
    {
        var chain = new TestChain().AddHistory(10);
        var coin = chain.Fund(Coin, height: 10);
        var spend = new TestTx().Version(version).Input(coin, sequence: sequence).Output(1000).Build();

        chain.Connect(chain.NextBlock().Add(spend).Build()).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Version_read_unsigned_above_2_enforces_the_sequence_lock()
    {
        var chain = new TestChain().AddHistory(10);
        var coin = chain.Fund(Coin, height: 10);
        var spend = new TestTx().Version(0xffffffff).Input(coin, sequence: 5).Output(1000).Build();

        RejectionOf(chain.Connect(chain.NextBlock().Add(spend).Build())).RejectReason.Should().Be("bad-txns-nonfinal");
    }

    [Fact]
    public void Failing_input_script_is_block_script_verify_flag_failed_with_Cores_message()
    {
        var chain = new TestChain();
        var spend = TestTx.Spend(chain.Fund(Coin, TestTx.OpFalse), 1000);

        var error = RejectionOf(chain.Connect(chain.NextBlock().Add(spend).Build()));

        error.RejectReason.Should().Be(
            "block-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)");
        error.Detail.Should().StartWith($"input 0 of {spend.TxId}");
    }

    [Fact]
    public void Skipping_scripts_accepts_a_block_with_a_failing_script()
    {
        var chain = new TestChain();
        var spend = TestTx.Spend(chain.Fund(Coin, TestTx.OpFalse), 1000);

        chain.Connect(chain.NextBlock().Add(spend).Build(), ScriptCheckMode.Skip).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Parallel_checks_report_the_first_failing_input_in_block_order()
    {
        var chain = new TestChain();
        var txs = new List<Transaction>();
        for (int i = 0; i < 60; i++)
        {
            bool fails = i is 17 or 33 or 59;
            var a = chain.Fund(Coin);
            var b = chain.Fund(Coin, fails ? TestTx.OpFalse : TestTx.OpTrue);
            txs.Add(new TestTx().Input(a).Input(b).Output(1000).Build());
        }
        var block = chain.NextBlock().Add([.. txs]).Build();

        for (int run = 0; run < 5; run++)
        {
            var error = RejectionOf(chain.Connect(block, ScriptCheckMode.Parallel));
            error.Detail.Should().StartWith($"input 1 of {txs[17].TxId}");
        }
        RejectionOf(chain.Connect(block, ScriptCheckMode.Sequential)).Detail.Should().StartWith($"input 1 of {txs[17].TxId}");
    }

    [Fact]
    public void Witness_spend_passes_script_checks()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();

        chain.Submit(chain.NextBlock().Add(spend).Build(), ScriptCheckMode.Parallel).Should().BeNull();
    }

    [Fact]
    public void P2sh_sigop_cost_above_80000_is_bad_blk_sigops()
    {
        // A 520-byte redeem script of OP_CHECKMULTISIG counts 20 each: 10,400 sigops, cost 41,600 per input.
        var redeem = Enumerable.Repeat((byte)OpcodeType.OP_CHECKMULTISIG, 520).ToArray();
        var p2sh = new ScriptBuilder().Op(OpcodeType.OP_HASH160).Push(Hashes.Hash160(redeem).ToBytes()).Op(OpcodeType.OP_EQUAL).ToScript();
        var scriptSig = new ScriptBuilder().Push(redeem).ToScript();
        var chain = new TestChain();
        var one = new TestTx().Input(chain.Fund(Coin, p2sh), scriptSig: scriptSig).Output(1000).Build();
        var two = new TestTx().Input(chain.Fund(Coin, p2sh), scriptSig: scriptSig).Output(1000).Build();

        BlockValidation.CheckBlock(chain.NextBlock().Add(one, two).Build(), chain.Network).Should().BeNull("legacy counting sees one push");
        RejectionOf(chain.Connect(chain.NextBlock().Add(one, two).Build())).RejectReason.Should().Be("bad-blk-sigops");
        RejectionOf(chain.Connect(chain.NextBlock().Add(one).Build())).RejectReason.Should().StartWith("block-script-verify-flag-failed",
            "one input is within the sigop budget; its script then fails");
    }
}
