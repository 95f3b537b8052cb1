using System.Numerics;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Validation;

public class BlockValidationCheckBlockTests
{
    private static readonly Network Regtest = Network.Regtest;

    [Fact]
    public void Regtest_genesis_passes_the_context_free_checks()
    {
        BlockValidation.CheckBlock(Regtest.Genesis, Regtest).Should().BeNull();
    }

    [Fact]
    public void Mainnet_block_413567_passes_and_a_changed_copy_is_caught()
    {
        var raw = File.ReadAllBytes(VectorPaths.File("bitcoin-core", "block413567.raw"));
        var block = Block.Parse(raw);

        block.Transactions.Length.Should().Be(1557);
        BlockValidation.CheckBlock(block, Network.Main).Should().BeNull();
        var dropped = new Block(block.Header, block.Transactions.RemoveAt(1));
        BlockValidation.CheckBlock(dropped, Network.Main)!.RejectReason.Should().Be("bad-txnmrklroot");
    }

    [Fact]
    public void A_built_block_with_transactions_passes()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Money.Coin);
        var block = chain.NextBlock().Add(TestTx.Spend(coin, Money.Coin - 1000)).Build();

        BlockValidation.CheckBlock(block, Regtest).Should().BeNull();
    }

    [Fact]
    public void Header_whose_hash_misses_the_target_is_high_hash()
    {
        var header = new BlockHeader(4, UInt256.Zero, UInt256.Zero, 1_700_000_000, 0x207fffff, 0);
        while (header.Hash.ToBigInteger() <= header.Target) header = header.WithNonce(header.Nonce + 1);

        var error = BlockValidation.CheckBlockHeader(header, Regtest);

        error!.RejectReason.Should().Be("high-hash");
        error.Result.Should().Be(BlockValidationResult.InvalidHeader);
        error.IsPermanent.Should().BeTrue();
    }

    [Fact]
    public void Header_with_a_target_above_the_pow_limit_is_high_hash_even_if_its_hash_is_low()
    {
        // Mainnet's limit is 0x1d00ffff; regtest bits are far easier.
        var header = TestBlockBuilder.Mine(new BlockHeader(4, UInt256.Zero, UInt256.Zero, 1_700_000_000, 0x207fffff, 0));

        BlockValidation.CheckBlockHeader(header, Network.Main)!.RejectReason.Should().Be("high-hash");
        BlockValidation.CheckBlockHeader(header, Regtest).Should().BeNull();
    }

    [Fact]
    public void Wrong_merkle_root_is_bad_txnmrklroot_and_mutated()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().With(b => b.MerkleRootOverride = UInt256.Parse("11".PadLeft(64, '0'))).Build();

        var error = BlockValidation.CheckBlock(block, Regtest);

        error!.RejectReason.Should().Be("bad-txnmrklroot");
        error.IsMutated.Should().BeTrue();
        error.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public void Duplicated_last_transactions_with_the_same_merkle_root_are_bad_txns_duplicate_and_mutated()
    {
        // CVE-2012-2459: [cb, a, b] and [cb, a, b, b] have the same merkle root.
        var chain = new TestChain();
        var a = TestTx.Spend(chain.Fund(Money.Coin), 1000);
        var b = TestTx.Spend(chain.Fund(Money.Coin), 1000);
        var honest = chain.NextBlock().Add(a, b).Build();
        var mutated = new Block(honest.Header, honest.Transactions.Add(b));

        mutated.Hash.Should().Be(honest.Hash);
        BlockValidation.CheckBlock(honest, Regtest).Should().BeNull();
        var error = BlockValidation.CheckBlock(mutated, Regtest);
        error!.RejectReason.Should().Be("bad-txns-duplicate");
        error.IsMutated.Should().BeTrue();
    }

    [Fact]
    public void Block_without_transactions_is_bad_blk_length()
    {
        var header = TestBlockBuilder.Mine(new BlockHeader(4, UInt256.Zero, UInt256.Zero, 1_700_000_000, 0x207fffff, 0));

        BlockValidation.CheckBlock(new Block(header, []), Regtest)!.RejectReason.Should().Be("bad-blk-length");
    }

    [Fact]
    public void Block_whose_stripped_size_exceeds_one_megabyte_is_bad_blk_length()
    {
        var chain = new TestChain();
        var big = new TestTx().Input(chain.Fund(Money.Coin)).Output(0, new Script(new byte[1_000_000])).Build();
        var block = chain.NextBlock().Add(big).Build();

        BlockValidation.CheckBlock(block, Regtest)!.RejectReason.Should().Be("bad-blk-length");
    }

    [Fact]
    public void First_transaction_not_a_coinbase_is_bad_cb_missing()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().With(b => b.CoinbaseOverride = TestTx.Spend(chain.Fund(Money.Coin), 1000)).Build();

        BlockValidation.CheckBlock(block, Regtest)!.RejectReason.Should().Be("bad-cb-missing");
    }

    [Fact]
    public void Second_coinbase_is_bad_cb_multiple()
    {
        var chain = new TestChain();
        var extraCoinbase = new TestTx().Input(OutPoint.Null, scriptSig: new Script(new byte[] { 1, 2 })).Output(1).Build();
        var block = chain.NextBlock().Add(extraCoinbase).Build();

        BlockValidation.CheckBlock(block, Regtest)!.RejectReason.Should().Be("bad-cb-multiple");
    }

    [Theory]
    [InlineData(-1, "bad-txns-vout-negative")]
    [InlineData(Money.MaxMoneySatoshis + 1, "bad-txns-vout-toolarge")]
    public void Transaction_failing_CheckTransaction_rejects_the_block_with_its_reason(long value, string reason)
    {
        var chain = new TestChain();
        var block = chain.NextBlock().Add(TestTx.Spend(chain.Fund(Money.Coin), value)).Build();

        var error = BlockValidation.CheckBlock(block, Regtest);

        error!.RejectReason.Should().Be(reason);
        error.Result.Should().Be(BlockValidationResult.Consensus);
    }

    [Fact]
    public void Transaction_spending_the_same_outpoint_twice_is_bad_txns_inputs_duplicate()
    {
        var chain = new TestChain();
        var coin = chain.Fund(Money.Coin);
        var block = chain.NextBlock().Add(new TestTx().Input(coin).Input(coin).Output(1000).Build()).Build();

        BlockValidation.CheckBlock(block, Regtest)!.RejectReason.Should().Be("bad-txns-inputs-duplicate");
    }

    [Theory]
    [InlineData(1000, true)]     // 20,000 legacy sigops × 4 = 80,000: at the limit
    [InlineData(1001, false)]    // 20,020 × 4 > 80,000
    public void Legacy_sigops_times_four_may_not_exceed_80000(int checkMultisigs, bool valid)
    {
        var chain = new TestChain();
        var script = new Script(Enumerable.Repeat((byte)OpcodeType.OP_CHECKMULTISIG, checkMultisigs).ToArray());
        var block = chain.NextBlock().Add(new TestTx().Input(chain.Fund(Money.Coin)).Output(1000, script).Build()).Build();

        var error = BlockValidation.CheckBlock(block, Regtest);

        if (valid) error.Should().BeNull();
        else error!.RejectReason.Should().Be("bad-blk-sigops");
    }

    [Fact]
    public void Proof_of_work_and_merkle_checks_can_be_skipped()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().With(b => b.MerkleRootOverride = UInt256.Zero).Build();
        var unmined = new Block(new BlockHeader(block.Header.Version, block.Header.PreviousBlockHash, UInt256.Zero, block.Header.Time,
            0x1d00ffff, 0), block.Transactions);

        BlockValidation.CheckBlock(unmined, Regtest, checkProofOfWork: false, checkMerkleRoot: false).Should().BeNull();
        BlockValidation.CheckBlock(unmined, Regtest)!.RejectReason.Should().Be("high-hash");
    }

    [Fact]
    public void Regtest_pow_limit_is_the_compact_limit()
    {
        Regtest.PowLimitBits.Should().Be(0x207fffffu);
        Regtest.PowLimit.Should().Be((BigInteger.One << 255) - 1);
    }
}
