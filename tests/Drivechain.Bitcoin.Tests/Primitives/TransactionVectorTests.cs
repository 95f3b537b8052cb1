using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Tests.Primitives;

/// <summary>Every transaction of Core's tx_valid.json and tx_invalid.json parses and re-serializes byte for byte.</summary>
public class TransactionVectorTests
{
    public static TheoryData<string, int, string, string> Transactions()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var file in new[] { "tx_valid.json", "tx_invalid.json" })
            foreach (var (index, comment, row) in CoreVectorFiles.ReadTransactionRows(file))
                data.Add(file, index, comment, row[1].GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transactions))]
    public void Transaction_round_trips_byte_for_byte_with_a_stable_txid(string file, int index, string comment, string hex)
    {
        Transaction.TryParseHex(hex, out var tx, out var error).Should().BeTrue($"{file} #{index} ({comment}) failed: {error}");

        tx!.ToHex().Should().Be(hex.ToLowerInvariant());
        tx.TxId.Should().Be(Hashes.Sha256d(tx.ToBytes(withWitness: false)));
        tx.WTxId.Should().Be(Hashes.Sha256d(tx.ToBytes(withWitness: true)));
        var reparsed = Transaction.Parse(tx.ToBytes());
        reparsed.TxId.Should().Be(tx.TxId);
        reparsed.WTxId.Should().Be(tx.WTxId);
        tx.TotalSize.Should().Be(hex.Length / 2);
    }

    [Fact]
    public void Vector_files_hold_the_documented_number_of_transactions_and_all_parse()
    {
        int valid = CoreVectorFiles.ReadTransactionRows("tx_valid.json").Count();
        int invalid = CoreVectorFiles.ReadTransactionRows("tx_invalid.json").Count();
        var failures = Transactions()
            .Where(row => !Transaction.TryParseHex((string)row[3], out _, out _))
            .Select(row => $"{row[0]} #{row[1]}")
            .ToList();

        valid.Should().Be(121);
        invalid.Should().Be(93);
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Segwit_transactions_count_their_witness_only_in_the_total_size()
    {
        var witnessTxs = Transactions().Select(row => Transaction.Parse((string)row[3])).Where(tx => tx.HasWitness).ToList();

        witnessTxs.Should().HaveCount(28 + 13);
        foreach (var tx in witnessTxs)
        {
            tx.BaseSize.Should().Be(tx.ToBytes(withWitness: false).Length);
            tx.TotalSize.Should().BeGreaterThan(tx.BaseSize);
            tx.TxId.Should().NotBe(tx.WTxId);
        }
    }

    [Fact]
    public void Malformed_hex_is_a_parse_error_not_an_exception()
    {
        Transaction.TryParseHex("0100000", out _, out var oddLength).Should().BeFalse();
        Transaction.TryParseHex("zz", out _, out var notHex).Should().BeFalse();
        var parse = () => Transaction.Parse("01000000");

        oddLength.Kind.Should().Be(ParseErrorKind.InvalidText);
        notHex.Kind.Should().Be(ParseErrorKind.InvalidText);
        parse.Should().Throw<ParseException>().Which.Error.Kind.Should().Be(ParseErrorKind.Truncated);
    }
}
