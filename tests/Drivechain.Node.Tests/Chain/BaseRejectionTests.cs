using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

/// <summary>Blocks breaking one Bitcoin rule each, submitted on top of a 101-block chain with mature coins.</summary>
public sealed class BaseRejectionTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private readonly TestChain _builder = new(Network.Regtest);
    private readonly ChainManager _chain = ChainManager.CreateInMemory(Network.Regtest, DrivechainParams.ForNetwork("regtest"),
        Secp256k1Provider.CreateDefault(), new ChainManagerOptions { TimeProvider = new FixedTimeProvider(Now) });

    public BaseRejectionTests()
    {
        _builder.MineMany(101);
        foreach (var block in _builder.Blocks) _chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
    }

    public void Dispose() => _chain.Dispose();

    private void ShouldReject(Block block, string reason)
    {
        var tip = _chain.Tip.Hash;
        var utxo = _chain.GetUtxoSetInfo();
        var digest = _chain.TipDrivechainState.ComputeDigest();

        var outcome = _chain.SubmitBlock(block);

        outcome.Should().BeEquivalentTo(new { BlockHash = block.Hash, Code = "BASE", Reason = reason });
        _chain.Tip.Hash.Should().Be(tip);
        _chain.GetUtxoSetInfo().Should().Be(utxo);
        _chain.TipDrivechainState.ComputeDigest().Should().Be(digest);
    }

    private Transaction SpendOne(long fee, params Script[] outputScripts)
    {
        var (coin, value) = _builder.TakeCoin();
        long each = (value - fee) / outputScripts.Length;
        return TestChain.Spend([coin], [.. outputScripts.Select(s => new TxOut(new Money(each), s))]);
    }

    [Fact]
    public void Proof_of_work_above_the_target_is_high_hash() =>
        ShouldReject(_builder.Build(d => d.InvalidProofOfWork = true), "high-hash");

    [Fact]
    public void A_wrong_merkle_root_is_bad_txnmrklroot() =>
        ShouldReject(_builder.Build(d => d.MerkleRoot = new UInt256(42)), "bad-txnmrklroot");

    [Fact]
    public void A_coinbase_paying_more_than_subsidy_and_fees_is_bad_cb_amount() =>
        ShouldReject(_builder.Build(d => d.ExtraCoinbaseValue = 1), "bad-cb-amount");

    [Fact]
    public void A_spend_of_a_missing_output_is_bad_txns_inputs_missingorspent()
    {
        var spend = TestChain.Spend([new OutPoint(new UInt256(7), 0)], new TxOut(new Money(1000), TestChain.OpTrue));
        ShouldReject(_builder.Build(d => d.Add(spend)), "bad-txns-inputs-missingorspent");
    }

    [Fact]
    public void Spending_one_output_twice_in_a_block_is_bad_txns_inputs_missingorspent()
    {
        var (coin, value) = _builder.TakeCoin();
        var first = TestChain.Spend([coin], new TxOut(new Money(value - 100), TestChain.OpTrue));
        var second = TestChain.Spend([coin], new TxOut(new Money(value - 200), TestChain.OpTrue));
        ShouldReject(_builder.Build(d => d.Add(first, 100).Add(second, 200)), "bad-txns-inputs-missingorspent");
    }

    [Fact]
    public void Spending_a_coinbase_before_maturity_is_premature_spend_of_coinbase()
    {
        var young = new OutPoint(_builder.Blocks[^1].Transactions[0].TxId, 0);
        var spend = TestChain.Spend([young], new TxOut(new Money(1000), TestChain.OpTrue));
        ShouldReject(_builder.Build(d => d.Add(spend, 50 * Money.Coin - 1000)), "bad-txns-premature-spend-of-coinbase");
    }

    [Fact]
    public void A_failing_input_script_is_block_script_verify_flag_failed()
    {
        var fund = SpendOne(1000, new Script(new byte[] { 0x00 }));   // OP_0: leaves false on the stack
        var spend = TestChain.Spend([new OutPoint(fund.TxId, 0)], new TxOut(new Money(fund.Outputs[0].Value.Satoshis - 1000), TestChain.OpTrue));
        var block = _builder.Build(d => d.Add(fund, 1000).Add(spend, 1000));

        var outcome = _chain.SubmitBlock(block);

        var rejected = outcome.Should().BeOfType<SubmitOutcome.Rejected>().Subject;
        rejected.Code.Should().Be("BASE");
        rejected.Reason.Should().StartWith("block-script-verify-flag-failed");
        _chain.Height.Should().Be(101);
    }

    [Fact]
    public void Bits_other_than_the_required_target_are_bad_diffbits() =>
        ShouldReject(_builder.Build(d => d.Bits = 0x207ffffe), "bad-diffbits");

    [Fact]
    public void A_time_not_after_median_time_past_is_time_too_old() =>
        ShouldReject(_builder.Build(d => d.Time = _chain.GetMedianTimePast()), "time-too-old");

    [Fact]
    public void A_time_more_than_two_hours_after_the_injected_clock_is_time_too_new() =>
        ShouldReject(_builder.Build(d => d.Time = (uint)Now.ToUnixTimeSeconds() + 2 * 60 * 60 + 1), "time-too-new");

    [Fact]
    public void A_time_just_within_two_hours_of_the_injected_clock_is_accepted() =>
        _chain.SubmitBlock(_builder.Build(d => d.Time = (uint)Now.ToUnixTimeSeconds() + 2 * 60 * 60)).Should().BeOfType<SubmitOutcome.Accepted>();

    [Fact]
    public void A_coinbase_without_its_height_is_bad_cb_height() =>
        ShouldReject(_builder.Build(d => d.CoinbaseHeight = 5), "bad-cb-height");

    [Fact]
    public void A_block_whose_parent_was_rejected_is_bad_prevblk()
    {
        var invalid = _builder.Build(d => d.ExtraCoinbaseValue = 1);
        _chain.SubmitBlock(invalid);
        var orphanChild = _builder.Build(d => { d.PreviousBlockHash = invalid.Hash; d.Time = invalid.Header.Time + 1; d.CoinbaseHeight = 103; });

        ShouldReject(orphanChild, "bad-prevblk");
    }
}
