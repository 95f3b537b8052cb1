using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.Rules;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Rules;

public class TreasuryRuleTests
{
    private readonly ChainBuilder _chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechains(1, 2);
    private static readonly Script Address = DepositAddress.Create("addr"u8);
    private static readonly Script Payout = DrivechainTransactions.PayoutScript(0x22);

    private Transaction Tx(ImmutableArray<OutPoint> inputs, params (Script Script, long Value)[] outputs) =>
        new(2, [.. inputs.Select(i => new TxIn(i, Script.Empty))], [.. outputs.Select(o => new TxOut(new Money(o.Value), o.Script))], 0);

    private ConnectOutcome MineTx(Transaction tx) => _chain.TryMine(b => b.WithTransaction(tx));

    private Ctip CtipOf(byte slot) => _chain.State.GetCtip(slot)!.Value;

    [Fact]
    public void A_first_deposit_creates_the_ctip_and_history_entry_zero()
    {
        var tx = _chain.Deposit(1, 10_000);
        var slot = _chain.State.GetSlot(1);
        slot.Ctip.Should().Be(new Ctip(new OutPoint(tx.TxId, 0), new Money(10_000)));
        slot.History.Should().Equal(new TreasuryEntry(0, new OutPoint(tx.TxId, 0), new Money(10_000), Money.Zero));
    }

    [Fact]
    public void A_deposit_emits_an_event_with_seq_address_and_value()
    {
        _chain.Deposit(1, 10_000);
        var tx = DrivechainTransactions.Deposit(_chain.State, 1, new Money(2_500), 77, "sidechain-addr-1");
        var events = MineTx(tx).ShouldBeAccepted().Events;
        var deposit = events.OfType<DrivechainEvent.DepositReceived>().Should().ContainSingle().Subject;
        (deposit.Slot, deposit.Seq, deposit.Value.Satoshis).Should().Be(((byte)1, 1, 2_500L));
        deposit.Address.ToArray().Should().Equal("sidechain-addr-1"u8.ToArray());
    }

    [Fact]
    public void One_transaction_may_deposit_to_several_slots()
    {
        var tx = Tx([_chain.NextFunding()], (TreasuryScript.Create(1), 100), (Address, 0), (TreasuryScript.Create(2), 200), (Address, 0));
        var state = MineTx(tx).ShouldBeAccepted().State;
        state.GetCtip(1)!.Value.OutPoint.Should().Be(new OutPoint(tx.TxId, 0));
        state.GetCtip(2)!.Value.OutPoint.Should().Be(new OutPoint(tx.TxId, 2));
    }

    [Fact]
    public void Treasury_scripts_for_inactive_slots_and_in_the_coinbase_are_ordinary_outputs()
    {
        var tx = Tx([_chain.NextFunding()], (TreasuryScript.Create(9), 100));
        MineTx(tx).ShouldBeAccepted().State.GetCtip(9).Should().BeNull();
        _chain.TryMine(b => b.WithCoinbaseOutput(TreasuryScript.Create(1), 100)).ShouldBeAccepted().State.GetCtip(1).Should().BeNull();
    }

    [Fact]
    public void Two_treasury_outputs_for_one_slot_are_TREASURY_MULTIPLE_OUTPUTS()
    {
        MineTx(Tx([_chain.NextFunding()], (TreasuryScript.Create(1), 100), (Address, 0), (TreasuryScript.Create(1), 200), (Address, 0)))
            .ShouldBeRejected(RejectCode.TreasuryMultipleOutputs);
    }

    [Fact]
    public void Spending_the_ctip_without_a_new_treasury_output_is_TREASURY_SPENT_WITHOUT_SUCCESSOR()
    {
        _chain.Deposit(1, 10_000);
        MineTx(Tx([CtipOf(1).OutPoint], (Payout, 9_000))).ShouldBeRejected(RejectCode.TreasurySpentWithoutSuccessor);
    }

    [Fact]
    public void A_deposit_that_does_not_spend_the_ctip_is_TREASURY_CTIP_NOT_SPENT()
    {
        _chain.Deposit(1, 10_000);
        MineTx(Tx([_chain.NextFunding()], (TreasuryScript.Create(1), 20_000), (Address, 0))).ShouldBeRejected(RejectCode.TreasuryCtipNotSpent);
    }

    [Fact]
    public void A_zero_value_first_treasury_output_is_TREASURY_ZERO_DIFF()
    {
        MineTx(Tx([_chain.NextFunding()], (TreasuryScript.Create(1), 0), (Address, 0))).ShouldBeRejected(RejectCode.TreasuryZeroDiff);
    }

    [Fact]
    public void Moving_the_ctip_without_changing_its_value_is_TREASURY_ZERO_DIFF()
    {
        _chain.Deposit(1, 10_000);
        MineTx(Tx([CtipOf(1).OutPoint], (TreasuryScript.Create(1), 10_000), (Address, 0))).ShouldBeRejected(RejectCode.TreasuryZeroDiff);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_deposit_without_an_address_right_after_it_is_M5_MISSING_ADDRESS(bool lastOutput)
    {
        var tx = lastOutput
            ? Tx([_chain.NextFunding()], (Payout, 5), (TreasuryScript.Create(1), 100))
            : Tx([_chain.NextFunding()], (TreasuryScript.Create(1), 100), (Payout, 5), (Address, 0));
        MineTx(tx).ShouldBeRejected(RejectCode.M5MissingAddress);
    }

    [Fact]
    public void A_withdrawal_that_also_deposits_is_M5_M6_AMBIGUOUS()
    {
        _chain.Deposit(1, 100_000);
        var ctip = CtipOf(1);
        var tx = Tx([ctip.OutPoint], (TreasuryScript.Create(1), 50_000), (TreasuryScript.Create(2), 40_000), (Address, 0));
        _chain.ProposeAndApprove(1, M6Id.Compute(tx, ctip.Value)!.Value);
        MineTx(tx).ShouldBeRejected(RejectCode.M5M6Ambiguous);
    }

    [Fact]
    public void A_withdrawal_with_two_inputs_is_M6_INPUT_COUNT()
    {
        _chain.Deposit(1, 100_000);
        MineTx(Tx([CtipOf(1).OutPoint, _chain.NextFunding()], (TreasuryScript.Create(1), 50_000), (Payout, 40_000)))
            .ShouldBeRejected(RejectCode.M6InputCount);
    }

    [Fact]
    public void A_withdrawal_whose_treasury_is_not_output_0_is_M6_TREASURY_NOT_FIRST()
    {
        _chain.Deposit(1, 100_000);
        MineTx(Tx([CtipOf(1).OutPoint], (Payout, 40_000), (TreasuryScript.Create(1), 50_000)))
            .ShouldBeRejected(RejectCode.M6TreasuryNotFirst);
    }

    [Fact]
    public void A_withdrawal_paying_more_than_the_treasury_is_M6_INSUFFICIENT_TREASURY()
    {
        _chain.Deposit(1, 100_000);
        MineTx(Tx([CtipOf(1).OutPoint], (TreasuryScript.Create(1), 50_000), (Payout, 60_000)))
            .ShouldBeRejected(RejectCode.M6InsufficientTreasury);
    }

    [Fact]
    public void A_withdrawal_of_an_unknown_bundle_is_M6_UNKNOWN_BUNDLE()
    {
        _chain.Deposit(1, 100_000);
        MineTx(Tx([CtipOf(1).OutPoint], (TreasuryScript.Create(1), 50_000), (Payout, 40_000)))
            .ShouldBeRejected(RejectCode.M6UnknownBundle);
    }

    [Fact]
    public void A_withdrawal_with_acks_at_the_threshold_is_M6_INSUFFICIENT_VOTES()
    {
        _chain.Deposit(1, 100_000);
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(1_000), (Payout, new Money(40_000)));
        var id = M6Id.OfBlinded(blinded);
        _chain.Mine(b => b.WithM3(1, id));
        for (int i = 0; i < 4; i++) _chain.Mine(b => b.WithM4(_chain.UpvoteOnly(1, 0)));
        _chain.State.GetPendingBundles(1)[0].Acks.Should().Be(5);
        MineTx(DrivechainTransactions.Withdrawal(blinded, 1, CtipOf(1))).ShouldBeRejected(RejectCode.M6InsufficientVotes);
        _chain.TryMine(b => b.WithM4(_chain.UpvoteOnly(1, 0)).WithTransaction(DrivechainTransactions.Withdrawal(blinded, 1, CtipOf(1))))
            .ShouldBeAccepted(); // the block's own M4 counts before its transactions (§4.1)
    }

    [Fact]
    public void A_paid_withdrawal_moves_the_ctip_and_removes_the_bundle()
    {
        _chain.Deposit(1, 100_000);
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(1_000), (Payout, new Money(40_000)));
        var id = _chain.ProposeAndApprove(1, blinded);
        var m6 = DrivechainTransactions.Withdrawal(blinded, 1, CtipOf(1));
        var accepted = MineTx(m6).ShouldBeAccepted();
        accepted.State.GetCtip(1).Should().Be(new Ctip(new OutPoint(m6.TxId, 0), new Money(59_000)));
        accepted.State.GetPendingBundles(1).Should().BeEmpty();
        accepted.State.GetTreasuryHistory(1)[^1].Should().Be(new TreasuryEntry(1, new OutPoint(m6.TxId, 0), new Money(59_000), new Money(100_000)));
        accepted.Events.Should().ContainEquivalentOf(new DrivechainEvent.BundleSucceeded(1, id, 1, m6.TxId));
    }

    [Fact]
    public void Deposits_chain_within_one_block()
    {
        _chain.Deposit(1, 1_000);
        var first = DrivechainTransactions.Deposit(_chain.State, 1, new Money(500), 1);
        var second = DrivechainTransactions.Deposit(1, new Ctip(new OutPoint(first.TxId, 0), new Money(1_500)), new Money(700), "x"u8, _chain.NextFunding());
        _chain.TryMine(b => b.WithTransaction(first).WithTransaction(second)).ShouldBeAccepted()
            .State.GetCtip(1)!.Value.Value.Satoshis.Should().Be(2_200);
    }

    [Fact]
    public void M6_MULTIPLE_WITHDRAWALS_is_reported_for_a_second_withdrawal_at_the_rule_level()
    {
        // Unreachable through a block: two withdrawals would both need their treasury output at vout 0 (§12.2).
        TreasuryRule.Withdrawal(hasDeposit: false, hasWithdrawal: true).Rejection!.Code.Should().Be(RejectCode.M6MultipleWithdrawals);
        TreasuryRule.Withdrawal(hasDeposit: true, hasWithdrawal: false).Rejection!.Code.Should().Be(RejectCode.M5M6Ambiguous);
        TreasuryRule.Withdrawal(hasDeposit: false, hasWithdrawal: false).Passed.Should().BeTrue();
    }

    [Fact]
    public void Mempool_check_applies_the_treasury_rules_against_the_tip_without_keeping_effects()
    {
        _chain.Deposit(1, 10_000);
        var tip = _chain.State;
        var good = DrivechainTransactions.Deposit(tip, 1, new Money(1), 5);
        _chain.Validator.CheckTransaction(tip, _chain.TipHash, good).Should().BeNull();
        tip.GetCtip(1)!.Value.Value.Satoshis.Should().Be(10_000);
        var chained = DrivechainTransactions.Deposit(1, new Ctip(new OutPoint(good.TxId, 0), new Money(10_001)), new Money(1), "a"u8, _chain.NextFunding());
        _chain.Validator.CheckTransaction(tip, _chain.TipHash, chained)!.Code.Should().Be(RejectCode.TreasuryCtipNotSpent);
    }

    [Fact]
    public void Mempool_judges_every_deposit_to_a_slot_without_ctip_as_a_first_deposit()
    {
        var first = DrivechainTransactions.Deposit(_chain.State, 2, new Money(100), 1);
        var chained = DrivechainTransactions.Deposit(2, new Ctip(new OutPoint(first.TxId, 0), new Money(100)), new Money(50), "a"u8, _chain.NextFunding());
        _chain.Validator.CheckTransaction(_chain.State, _chain.TipHash, first).Should().BeNull();
        _chain.Validator.CheckTransaction(_chain.State, _chain.TipHash, chained).Should().BeNull("old value 0 at the tip: 150 > 0 is a deposit");
    }

    [Fact]
    public void Classification_reports_deposits_withdrawals_and_bmm_requests_without_applying_them()
    {
        _chain.Deposit(1, 100_000);
        var tip = _chain.State;
        var deposit = _chain.Validator.ClassifyTransaction(tip, _chain.TipHash, DrivechainTransactions.Deposit(tip, 1, new Money(5), 9));
        (deposit.Rejection, deposit.IsDeposit, deposit.IsWithdrawal).Should().Be(((Rejection?)null, true, false));
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(10), (Payout, new Money(100)));
        _chain.ProposeAndApprove(1, blinded);
        var withdrawal = _chain.Validator.ClassifyTransaction(_chain.State, _chain.TipHash, DrivechainTransactions.Withdrawal(blinded, 1, CtipOf(1)));
        withdrawal.IsWithdrawal.Should().BeTrue();
        var bmm = _chain.Validator.ClassifyTransaction(_chain.State, _chain.TipHash,
            DrivechainTransactions.BmmRequest(4, Ids.SidechainBlock(1), _chain.TipHash, _chain.NextFunding()));
        bmm.BmmRequest!.Slot.Should().Be(4);
        bmm.Rejection.Should().BeNull();
        var bad = _chain.Validator.ClassifyTransaction(_chain.State, _chain.TipHash, Tx([_chain.NextFunding()], (TreasuryScript.Create(1), 1), (Address, 0)));
        bad.Rejection!.Code.Should().Be(RejectCode.TreasuryCtipNotSpent);
        bad.Events.Should().BeEmpty();
        _chain.State.GetCtip(1)!.Value.Value.Satoshis.Should().Be(100_000);
    }
}
