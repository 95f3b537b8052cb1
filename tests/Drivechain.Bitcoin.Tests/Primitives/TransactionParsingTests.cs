using System.Collections.Immutable;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Tests.Primitives;

/// <summary>The corners of Core's transaction (de)serialization: the BIP144 marker, flags and empty forms.</summary>
public class TransactionParsingTests
{
    private const string Version = "01000000";
    private const string LockTime = "00000000";
    private static readonly string Input = new string('1', 64) + "00000000" + "00" + "ffffffff";
    private const string Output = "0000000000000000" + "00";

    [Fact]
    public void The_empty_transaction_reads_as_no_inputs_and_no_outputs_and_writes_back_identically()
    {
        var hex = Version + "00" + "00" + LockTime;

        var tx = Transaction.Parse(hex);

        tx.Inputs.Should().BeEmpty();
        tx.Outputs.Should().BeEmpty();
        tx.HasWitness.Should().BeFalse();
        tx.ToHex().Should().Be(hex);
    }

    [Fact]
    public void A_witness_flag_with_only_empty_witnesses_is_superfluous()
    {
        var hex = Version + "0001" + "01" + Input + "01" + Output + "00" + LockTime;

        Transaction.TryParseHex(hex, out _, out var error).Should().BeFalse();
        error.Kind.Should().Be(ParseErrorKind.SuperfluousWitness);
    }

    [Theory]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("ff")]
    public void Unknown_flag_bits_are_rejected(string flag)
    {
        var hex = Version + "00" + flag + "01" + Input + "01" + Output + "0101aa" + LockTime;

        Transaction.TryParseHex(hex, out _, out var error).Should().BeFalse();
        error.Kind.Should().Be(ParseErrorKind.UnknownWitnessFlag);
    }

    [Fact]
    public void A_witness_transaction_round_trips_and_its_txid_ignores_the_witness()
    {
        var hex = Version + "0001" + "01" + Input + "01" + Output + "0201aa00" + LockTime;
        var stripped = Version + "01" + Input + "01" + Output + LockTime;

        var tx = Transaction.Parse(hex);

        tx.HasWitness.Should().BeTrue();
        tx.Inputs[0].Witness.Count.Should().Be(2);
        tx.ToHex().Should().Be(hex);
        tx.ToHex(withWitness: false).Should().Be(stripped);
        tx.TxId.Should().Be(Transaction.Parse(stripped).TxId);
        tx.BaseSize.Should().Be(stripped.Length / 2);
        tx.Weight.Should().Be(tx.BaseSize * 3 + tx.TotalSize);
    }

    [Fact]
    public void Trailing_bytes_after_a_transaction_are_an_error()
    {
        Transaction.TryParseHex(Version + "01" + Input + "01" + Output + LockTime + "00", out _, out var error).Should().BeFalse();

        error.Kind.Should().Be(ParseErrorKind.TrailingBytes);
    }

    [Fact]
    public void A_transaction_built_in_code_equals_the_same_transaction_parsed()
    {
        var built = new Transaction(1,
            [new TxIn(new OutPoint(UInt256.Parse(new string('1', 64)), 0), Script.Empty, TxIn.SequenceFinal, Witness.Of([0xaa], []))],
            [new TxOut(Money.Zero, Script.Empty)], 0);

        var parsed = Transaction.Parse(Version + "0001" + "01" + Input + "01" + Output + "0201aa00" + LockTime);

        built.Should().Be(parsed);
        built.TxId.Should().Be(parsed.TxId);
        built.ToBytes().Should().Equal(parsed.ToBytes());
    }

    [Fact]
    public void A_block_of_segwit_transactions_round_trips_and_commits_to_witnesses()
    {
        var segwit = TransactionVectorTests.Transactions()
            .Select(row => Transaction.Parse((string)row[3])).Where(tx => tx.HasWitness).Take(10).ToList();
        var coinbase = Network.Regtest.Genesis.Transactions[0];
        var transactions = ImmutableArray.Create([coinbase, .. segwit]);
        var merkle = new Block(Network.Regtest.Genesis.Header, transactions).ComputeMerkleRoot(out _);
        var block = new Block(new BlockHeader(4, UInt256.Zero, merkle, 0, 0x207fffff, 0), transactions);

        var parsed = Block.Parse(block.ToBytes());

        parsed.ToBytes().Should().Equal(block.ToBytes());
        parsed.Transactions.Select(t => t.WTxId).Should().Equal(transactions.Select(t => t.WTxId));
        parsed.ComputeMerkleRoot(out _).Should().Be(merkle);
        parsed.ComputeWitnessMerkleRoot(out _).Should().NotBe(merkle);
        parsed.Weight.Should().Be(parsed.BaseSize * 3 + parsed.TotalSize).And.BeLessThan(parsed.TotalSize * 4);
        parsed.ToBytes(withWitness: false).Length.Should().Be(parsed.BaseSize);
    }
}
