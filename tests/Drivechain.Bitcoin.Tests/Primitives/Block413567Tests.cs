using System.Buffers.Binary;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Tests.Primitives;

/// <summary>Core's benchmark block: mainnet block 413567 (README §12).</summary>
public class Block413567Tests
{
    private static readonly byte[] Raw = CoreVectorFiles.ReadBytes("block413567.raw");
    private static readonly Block Parsed = Block.Parse(Raw);

    [Fact]
    public void Block_re_serializes_to_the_identical_bytes()
    {
        Raw.Length.Should().Be(999_887);
        Parsed.ToBytes().Should().Equal(Raw);
        Parsed.TotalSize.Should().Be(Raw.Length);
        Parsed.BaseSize.Should().Be(Raw.Length, "the block predates segwit");
    }

    [Fact]
    public void Header_fields_and_hash_match_the_chain()
    {
        var header = Parsed.Header;

        Parsed.Hash.ToString().Should().Be("0000000000000000025aff8be8a55df8f89c77296db6198f272d6577325d4069");
        header.PreviousBlockHash.ToString().Should().Be("00000000000000000542b54d29b12b523ff6c6474e0e86085bd3005ec6c5ce11");
        header.Version.Should().Be(4);
        header.Time.Should().Be(1464307123u);
        header.Bits.Should().Be(0x18058436u);
        header.Nonce.Should().Be(2120202499u);
    }

    [Fact]
    public void Transactions_inputs_and_outputs_are_all_there()
    {
        Parsed.Transactions.Should().HaveCount(1557);
        Parsed.Transactions.Sum(tx => tx.Inputs.Length).Should().Be(4887);
        Parsed.Transactions.Sum(tx => tx.Outputs.Length).Should().Be(3581);
        Parsed.Transactions.Should().OnlyContain(tx => !tx.HasWitness);
    }

    [Fact]
    public void Merkle_root_matches_the_header_and_is_not_mutated()
    {
        var root = Parsed.ComputeMerkleRoot(out var mutated);

        root.Should().Be(Parsed.Header.MerkleRoot);
        mutated.Should().BeFalse();
    }

    [Fact]
    public void Coinbase_has_the_documented_txid_and_bip34_height()
    {
        var coinbase = Parsed.Transactions[0];
        var scriptSig = coinbase.Inputs[0].ScriptSig.Span;

        coinbase.IsCoinbase.Should().BeTrue();
        coinbase.TxId.ToString().Should().Be("5b4aaef3f4e4625d70385ddf0bd2a0b7d7141e4c2fd36d2ff2cad37fff3deb0f");
        scriptSig[0].Should().Be(3);
        (scriptSig[1] | scriptSig[2] << 8 | scriptSig[3] << 16).Should().Be(413567);
        Parsed.Transactions.Skip(1).Should().OnlyContain(tx => !tx.IsCoinbase);
    }

    [Fact]
    public void Proof_of_work_meets_the_target_and_the_mainnet_limit()
    {
        Parsed.Header.CheckProofOfWork(Network.Main.PowLimit).Should().BeTrue();
        Parsed.Header.WithNonce(Parsed.Header.Nonce + 1).CheckProofOfWork(Network.Main.PowLimit).Should().BeFalse();
    }

    [Fact]
    public void Header_bytes_are_the_first_80_bytes_of_the_file()
    {
        Parsed.Header.ToBytes().Should().Equal(Raw[..80]);
        BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(72)).Should().Be(Parsed.Header.Bits);
    }
}
