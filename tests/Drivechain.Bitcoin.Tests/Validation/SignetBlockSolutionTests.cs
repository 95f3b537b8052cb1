using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class SignetBlockSolutionTests
{
    private static readonly byte[] SecretKey = Convert.FromHexString("000000000000000000000000000000000000000000000000000000000000002a");

    /// <summary>A block at height 1 whose coinbase commitment output ends with <paramref name="extraPush"/> (if any).</summary>
    private static Block BlockWithCommitmentPush(byte[]? extraPush, uint time = 1_700_000_000)
    {
        var chain = new TestChain();
        var block = chain.NextBlock().With(b => { b.WitnessCommitment = true; b.Time = time; }).Build();
        if (extraPush is null) return block;
        var coinbase = block.Transactions[0];
        var commitment = new ScriptBuilder().Raw(coinbase.Outputs[1].ScriptPubKey).Push(extraPush).ToScript();
        var changed = new Transaction(coinbase.Version, coinbase.Inputs, coinbase.Outputs.SetItem(1, coinbase.Outputs[1] with { ScriptPubKey = commitment }), 0);
        var header = block.Header;
        var root = MerkleTree.ComputeRoot([changed.TxId], out _);
        return new Block(TestBlockBuilder.Mine(new BlockHeader(header.Version, header.PreviousBlockHash, root, header.Time, header.Bits, 0)), [changed]);
    }

    private static byte[] Solution(Script scriptSig, params byte[][] witness)
    {
        var bytes = new List<byte>();
        bytes.Add((byte)scriptSig.Length);
        bytes.AddRange(scriptSig.ToArray());
        bytes.Add((byte)witness.Length);
        foreach (var item in witness)
        {
            bytes.Add((byte)item.Length);
            bytes.AddRange(item);
        }
        return [.. SignetBlockSolution.Header, .. bytes];
    }

    [Fact]
    public void Trivial_challenge_is_met_without_a_solution()
    {
        SignetBlockSolution.Check(BlockWithCommitmentPush(null), TestTx.OpTrue, TestChain.Secp).Should().BeTrue();
        SignetBlockSolution.Check(BlockWithCommitmentPush(null), TestTx.OpFalse, TestChain.Secp).Should().BeFalse();
    }

    [Fact]
    public void Block_without_a_witness_commitment_has_no_solution()
    {
        var chain = new TestChain();
        var block = chain.NextBlock().With(b => b.WitnessCommitment = false).Build();

        SignetBlockSolution.Check(block, TestTx.OpTrue, TestChain.Secp).Should().BeFalse();
    }

    [Fact]
    public void Witness_solution_in_the_commitment_spends_the_challenge()
    {
        var withSolution = BlockWithCommitmentPush(Solution(Script.Empty, [0x51]));
        var withoutSolution = BlockWithCommitmentPush(null);

        SignetBlockSolution.Check(withSolution, TestTx.P2wshOpTrue, TestChain.Secp).Should().BeTrue();
        SignetBlockSolution.Check(withoutSolution, TestTx.P2wshOpTrue, TestChain.Secp).Should().BeFalse();
    }

    [Fact]
    public void Solution_with_trailing_bytes_does_not_parse()
    {
        var block = BlockWithCommitmentPush([.. Solution(Script.Empty, [0x51]), 0x00]);

        SignetBlockSolution.Check(block, TestTx.P2wshOpTrue, TestChain.Secp).Should().BeFalse();
    }

    [Fact]
    public void Signature_commits_to_the_header_fields_but_not_to_the_solution()
    {
        var secp = TestChain.Secp;
        var publicKey = secp.GetPublicKey(SecretKey, compressed: true);
        var keyHash = Hashes.Hash160(publicKey).ToBytes();
        var challenge = new ScriptBuilder().Op(OpcodeType.OP_0).Push(keyHash).ToScript();
        var scriptCode = new ScriptBuilder().Op(OpcodeType.OP_DUP).Op(OpcodeType.OP_HASH160).Push(keyHash)
            .Op(OpcodeType.OP_EQUALVERIFY).Op(OpcodeType.OP_CHECKSIG).ToScript();

        Block Signed(uint time)
        {
            // Sign for the block carrying just the header push, then append the solution to that push.
            var unsigned = BlockWithCommitmentPush(SignetBlockSolution.Header.ToArray(), time);
            SignetBlockSolution.TryCreateTransactions(unsigned, challenge, out var toSpend, out var toSign).Should().BeTrue();
            ArgumentNullException.ThrowIfNull(toSpend);
            ArgumentNullException.ThrowIfNull(toSign);
            var sighash = SignatureHash.WitnessV0(scriptCode, new PrecomputedTransactionData(toSign, [toSpend.Outputs[0]]), 0, 1, Money.Zero);
            byte[] signature = [.. secp.SignEcdsa(sighash.ToBytes(), SecretKey), 0x01];
            return BlockWithCommitmentPush(Solution(Script.Empty, signature, publicKey), time);
        }

        var block = Signed(1_700_000_000);
        SignetBlockSolution.Check(block, challenge, secp).Should().BeTrue();

        // The same solution on a block with another time no longer verifies.
        var coinbase = block.Transactions[0];
        var moved = new Block(TestBlockBuilder.Mine(new BlockHeader(block.Header.Version, block.Header.PreviousBlockHash,
            block.Header.MerkleRoot, block.Header.Time + 1, block.Header.Bits, 0)), [coinbase]);
        SignetBlockSolution.Check(moved, challenge, secp).Should().BeFalse();
    }

    [Fact]
    public void CheckBlock_exempts_the_signet_genesis_block_and_needs_secp_only_on_signet()
    {
        BlockValidation.CheckBlock(Network.Signet.Genesis, Network.Signet, secp: TestChain.Secp).Should().BeNull();
        BlockValidation.CheckBlock(BlockWithCommitmentPush(null), Network.Regtest).Should().BeNull("regtest has no block challenge");
    }
}
