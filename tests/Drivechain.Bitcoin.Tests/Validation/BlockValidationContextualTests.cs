using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class BlockValidationContextualTests
{
    private static readonly Network Regtest = Network.Regtest;
    private const uint RegtestBits = 0x207fffff;

    private static BlockHeader Header(int version = 4, uint time = 1_700_000_000, uint bits = RegtestBits) =>
        new(version, UInt256.Zero, UInt256.Zero, time, bits, 0);

    [Fact]
    public void Header_with_expected_bits_and_good_time_and_version_passes()
    {
        BlockValidation.ContextualCheckBlockHeader(Header(), 10, RegtestBits, 1_699_999_000, 1_699_999_500, 1_700_000_000, Regtest)
            .Should().BeNull();
    }

    [Fact]
    public void Bits_other_than_expected_are_bad_diffbits()
    {
        var error = BlockValidation.ContextualCheckBlockHeader(Header(bits: 0x207ffffe), 10, RegtestBits, 0, 0, 1_700_000_000, Regtest);

        error!.RejectReason.Should().Be("bad-diffbits");
        error.Result.Should().Be(BlockValidationResult.InvalidHeader);
    }

    [Theory]
    [InlineData(1_700_000_000u, true)]    // time == median time past
    [InlineData(1_700_000_001u, true)]    // time before median time past
    [InlineData(1_699_999_999u, false)]   // median time past just before: OK
    public void Time_not_after_the_parents_median_time_past_is_time_too_old(uint previousMedianTimePast, bool rejected)
    {
        var error = BlockValidation.ContextualCheckBlockHeader(Header(time: 1_700_000_000), 10, RegtestBits, previousMedianTimePast, 0,
            1_700_000_000, Regtest);

        if (rejected) error!.RejectReason.Should().Be("time-too-old");
        else error.Should().BeNull();
    }

    [Theory]
    [InlineData(7200, false)]
    [InlineData(7201, true)]
    public void Time_more_than_two_hours_after_now_is_time_too_new_and_not_permanent(long secondsAhead, bool rejected)
    {
        const long now = 1_700_000_000;
        var error = BlockValidation.ContextualCheckBlockHeader(Header(time: (uint)(now + secondsAhead)), 10, RegtestBits, 0, 0, now, Regtest);

        if (!rejected)
        {
            error.Should().BeNull();
            return;
        }
        error!.RejectReason.Should().Be("time-too-new");
        error.Result.Should().Be(BlockValidationResult.TimeFuture);
        error.IsPermanent.Should().BeFalse();
    }

    [Theory]
    [InlineData(1, "bad-version(0x00000001)")]
    [InlineData(2, "bad-version(0x00000002)")]
    [InlineData(3, "bad-version(0x00000003)")]
    [InlineData(0, "bad-version(0x00000000)")]
    [InlineData(-1, "bad-version(0xffffffff)")]
    public void Version_below_4_after_BIP34_BIP66_BIP65_is_bad_version(int version, string reason)
    {
        BlockValidation.ContextualCheckBlockHeader(Header(version), 1, RegtestBits, 0, 0, 1_700_000_000, Regtest)!
            .RejectReason.Should().Be(reason);
    }

    [Fact]
    public void Version_rules_do_not_apply_before_the_activation_heights()
    {
        // Mainnet: BIP34 at 227,931, BIP66 at 363,725, BIP65 at 388,381.
        var header = new BlockHeader(1, UInt256.Zero, UInt256.Zero, 1_700_000_000, 0x1d00ffff, 0);
        BlockValidation.ContextualCheckBlockHeader(header, 227_930, 0x1d00ffff, 0, 0, 1_700_000_000, Network.Main).Should().BeNull();
        BlockValidation.ContextualCheckBlockHeader(header, 227_931, 0x1d00ffff, 0, 0, 1_700_000_000, Network.Main)!
            .RejectReason.Should().Be("bad-version(0x00000001)");
        var v3 = new BlockHeader(3, UInt256.Zero, UInt256.Zero, 1_700_000_000, 0x1d00ffff, 0);
        BlockValidation.ContextualCheckBlockHeader(v3, 388_380, 0x1d00ffff, 0, 0, 1_700_000_000, Network.Main).Should().BeNull();
        BlockValidation.ContextualCheckBlockHeader(v3, 388_381, 0x1d00ffff, 0, 0, 1_700_000_000, Network.Main)!
            .RejectReason.Should().Be("bad-version(0x00000003)");
    }

    [Theory]
    [InlineData(4032, 600, false)]   // first block of a period, exactly 600 s before its parent: allowed
    [InlineData(4032, 601, true)]    // more than 600 s before: timewarp
    [InlineData(4033, 5000, false)]  // not the first block of a period
    public void Testnet4_first_block_of_a_period_may_not_be_more_than_600_seconds_before_its_parent(int height, uint before, bool rejected)
    {
        const uint parentTime = 1_700_000_000;
        var header = new BlockHeader(0x20000000, UInt256.Zero, UInt256.Zero, parentTime - before, 0x1d00ffff, 0);

        var error = BlockValidation.ContextualCheckBlockHeader(header, height, 0x1d00ffff, 1_600_000_000, parentTime, parentTime, Network.TestNet4);

        if (rejected) error!.RejectReason.Should().Be("time-timewarp-attack");
        else error.Should().BeNull();
        BlockValidation.ContextualCheckBlockHeader(header, height, 0x1d00ffff, 1_600_000_000, parentTime, parentTime, Network.TestNet3)
            .Should().BeNull("only testnet4 enforces BIP94");
    }

    [Fact]
    public void Block_built_by_the_test_builder_passes_the_contextual_checks()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().Add(TestTx.Spend(chain.Fund(Money.Coin), 1000)).Build();

        BlockValidation.ContextualCheckBlock(block, 1, chain.GetMedianTimePast(0), Regtest).Should().BeNull();
    }

    [Theory]
    [InlineData(1)]      // OP_1
    [InlineData(16)]     // OP_16
    [InlineData(17)]     // 01 11
    [InlineData(300)]    // 02 2c01
    public void Coinbase_without_the_exact_height_prefix_is_bad_cb_height(int height)
    {
        var chain = new TestChain().AddHistory(height - 1);
        var good = chain.NextBlock().Build();
        var wrong = chain.NextBlock().With(b => b.CoinbaseScriptSig = new ScriptBuilder().Push(height + 1).Op(OpcodeType.OP_0).ToScript()).Build();
        var nonMinimal = chain.NextBlock().With(b => b.CoinbaseScriptSig = new ScriptBuilder().Push([(byte)height, 0]).ToScript()).Build();

        BlockValidation.ContextualCheckBlock(good, height, chain.GetMedianTimePast(height - 1), Regtest).Should().BeNull();
        BlockValidation.ContextualCheckBlock(wrong, height, chain.GetMedianTimePast(height - 1), Regtest)!.RejectReason.Should().Be("bad-cb-height");
        BlockValidation.ContextualCheckBlock(nonMinimal, height, chain.GetMedianTimePast(height - 1), Regtest)!.RejectReason.Should().Be("bad-cb-height");
    }

    [Fact]
    public void Transaction_with_an_unreached_height_lock_time_is_bad_txns_nonfinal()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Money.Coin);
        var locked = new TestTx().Input(coin, sequence: 0xfffffffe).Output(1000).LockTime(1).Build();   // final only from height 2

        var error = BlockValidation.ContextualCheckBlock(chain.NextBlock().Add(locked).Build(), 1, chain.GetMedianTimePast(0), Regtest);

        error!.RejectReason.Should().Be("bad-txns-nonfinal");
        chain.AddHistory(1);
        BlockValidation.ContextualCheckBlock(chain.NextBlock().Add(locked).Build(), 2, chain.GetMedianTimePast(1), Regtest).Should().BeNull();
    }

    [Fact]
    public void Time_lock_is_judged_against_the_parents_median_time_past_once_CSV_is_active()
    {
        var chain = new TestChain().AddHistory(20);
        uint mtp = chain.GetMedianTimePast(chain.Height);
        var coin = chain.Fund(Money.Coin);
        var atMtp = new TestTx().Input(coin, sequence: 0).Output(1000).LockTime(mtp).Build();
        var belowMtp = new TestTx().Input(coin, sequence: 0).Output(1000).LockTime(mtp - 1).Build();
        var builder = chain.NextBlock();   // its own time is far above the median time past

        BlockValidation.ContextualCheckBlock(builder.Add(atMtp).Build(), chain.Height + 1, mtp, Regtest)!.RejectReason.Should().Be("bad-txns-nonfinal");
        BlockValidation.ContextualCheckBlock(chain.NextBlock().Add(belowMtp).Build(), chain.Height + 1, mtp, Regtest).Should().BeNull();
    }

    [Fact]
    public void Witness_commitment_with_the_right_hash_passes()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();
        var block = chain.NextBlock().Add(spend).Build();

        block.GetWitnessCommitmentIndex().Should().Be(1);
        BlockValidation.CheckWitnessMalleation(block, expectWitnessCommitment: true).Should().BeNull();
    }

    [Fact]
    public void Commitment_with_a_coinbase_witness_that_is_not_one_32_byte_item_is_bad_witness_nonce_size()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();
        foreach (var witness in new[] { Witness.Empty, Witness.Of(new byte[31]), Witness.Of(new byte[32], new byte[32]) })
        {
            var block = chain.NextBlock().Add(spend).With(b => { b.CoinbaseWitness = witness; b.WitnessCommitment = true; }).Build();

            var error = BlockValidation.ContextualCheckBlock(block, 1, chain.GetMedianTimePast(0), Regtest);

            error!.RejectReason.Should().Be("bad-witness-nonce-size");
            error.IsMutated.Should().BeTrue();
        }
    }

    [Fact]
    public void Commitment_that_does_not_match_the_witness_root_is_bad_witness_merkle_match()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();
        var block = chain.NextBlock().Add(spend).Build();
        // Change the spend's witness: txid (so the merkle root) unchanged, wtxid changed.
        var altered = new TestTx().Input(spend.Inputs[0].PrevOut, witness: Witness.Of([0x51], [0x01])).Output(1000).Build();
        altered.TxId.Should().Be(spend.TxId);
        var mutated = new Block(block.Header, [block.Transactions[0], altered]);

        BlockValidation.CheckBlock(mutated, Regtest).Should().BeNull();
        var error = BlockValidation.ContextualCheckBlock(mutated, 1, chain.GetMedianTimePast(0), Regtest);
        error!.RejectReason.Should().Be("bad-witness-merkle-match");
        error.IsMutated.Should().BeTrue();
    }

    [Fact]
    public void Witness_data_without_a_commitment_is_unexpected_witness()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();
        var block = chain.NextBlock().Add(spend).With(b => b.WitnessCommitment = false).Build();

        var error = BlockValidation.ContextualCheckBlock(block, 1, chain.GetMedianTimePast(0), Regtest);

        error!.RejectReason.Should().Be("unexpected-witness");
        error.IsMutated.Should().BeTrue();
    }

    [Fact]
    public void Before_segwit_any_witness_is_unexpected_even_with_a_commitment()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();
        var block = chain.NextBlock().Add(spend).Build();

        BlockValidation.CheckWitnessMalleation(block, expectWitnessCommitment: false)!.RejectReason.Should().Be("unexpected-witness");
        BlockValidation.CheckWitnessMalleation(chain.NextBlock().Build(), expectWitnessCommitment: false).Should().BeNull();
    }

    [Fact]
    public void Block_weight_over_4000000_is_bad_blk_weight()
    {
        var chain = new TestChain();
        var heavy = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: Witness.Of(new byte[4_000_000], [0x51]))
            .Output(1000).Build();
        var block = chain.NextBlock().Add(heavy).Build();

        BlockValidation.CheckBlock(block, Regtest).Should().BeNull("the stripped size is small");
        var error = BlockValidation.ContextualCheckBlock(block, 1, chain.GetMedianTimePast(0), Regtest);
        error!.RejectReason.Should().Be("bad-blk-weight");
        error.IsPermanent.Should().BeTrue();
    }

    [Fact]
    public void IsBlockMutated_flags_merkle_and_witness_mutations_but_not_honest_blocks()
    {
        var chain = new TestChain();
        var spend = new TestTx().Input(chain.Fund(Money.Coin, TestTx.P2wshOpTrue), witness: TestTx.P2wshOpTrueWitness).Output(1000).Build();
        var honest = chain.NextBlock().Add(spend).Build();
        var altered = new TestTx().Input(spend.Inputs[0].PrevOut, witness: Witness.Of([0x51], [0x01])).Output(1000).Build();
        var witnessMutated = new Block(honest.Header, [honest.Transactions[0], altered]);
        var duplicated = new Block(honest.Header, [honest.Transactions[0], spend, spend]);   // [cb, a] vs [cb, a, a]: different root

        BlockValidation.IsBlockMutated(honest, checkWitnessRoot: true).Should().BeFalse();
        BlockValidation.IsBlockMutated(witnessMutated, checkWitnessRoot: true).Should().BeTrue();
        BlockValidation.IsBlockMutated(duplicated, checkWitnessRoot: true).Should().BeTrue();
    }

    [Fact]
    public void Before_CSV_the_lock_time_cutoff_is_the_blocks_own_time()
    {
        // Mainnet CSV (BIP113) activates at 419,328.
        var chain = new TestChain(Network.Main);
        var coin = chain.Fund(Money.Coin);
        var builder = chain.NextBlock();
        uint blockTime = builder.Time;
        uint mtp = blockTime - 3600;
        var locked = new TestTx().Input(coin, sequence: 0).Output(1000).LockTime(blockTime - 1).Build();
        Block At(int height) => chain.NextBlock().Add(locked).With(b =>
        {
            b.Version = 0x20000000;
            b.CoinbaseScriptSig = new ScriptBuilder().Raw(CoinbaseHeight.Encode(height)).Op(OpcodeType.OP_0).ToScript();
        }).Build();

        BlockValidation.ContextualCheckBlock(At(419_327), 419_327, mtp, Network.Main).Should().BeNull();
        BlockValidation.ContextualCheckBlock(At(419_328), 419_328, mtp, Network.Main)!.RejectReason.Should().Be("bad-txns-nonfinal");
    }
}
