using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class TransactionCheckTests
{
    private static readonly OutPoint Prev = new(new UInt256(7UL), 0);

    private static Transaction Tx(TxIn[] inputs, TxOut[] outputs) => new(2, [.. inputs], [.. outputs], 0);

    private static TxOut Out(long satoshis) => new(new Money(satoshis), Script.Empty);

    [Fact]
    public void A_simple_transaction_passes() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty)], [Out(1)])).Should().BeNull();

    [Fact]
    public void No_inputs_is_vin_empty() =>
        TransactionCheck.Check(Tx([], [Out(1)])).Should().Be("bad-txns-vin-empty");

    [Fact]
    public void No_outputs_is_vout_empty() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty)], [])).Should().Be("bad-txns-vout-empty");

    [Fact]
    public void Negative_output_is_rejected() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty)], [Out(-1)])).Should().Be("bad-txns-vout-negative");

    [Fact]
    public void Output_above_max_money_is_rejected() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty)], [Out(Money.MaxMoneySatoshis + 1)])).Should().Be("bad-txns-vout-toolarge");

    [Fact]
    public void Output_total_above_max_money_is_rejected() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty)], [Out(Money.MaxMoneySatoshis), Out(1)])).Should().Be("bad-txns-txouttotal-toolarge");

    [Fact]
    public void Duplicate_inputs_are_rejected() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty), new TxIn(Prev, Script.Empty)], [Out(1)])).Should().Be("bad-txns-inputs-duplicate");

    [Theory]
    [InlineData(3, 0, 2)]     // pairwise scan: first and last
    [InlineData(16, 7, 8)]    // pairwise scan at its limit
    [InlineData(17, 0, 16)]   // set-based scan
    [InlineData(200, 150, 199)]
    public void Duplicate_inputs_are_found_wherever_they_stand(int count, int first, int second)
    {
        var inputs = Enumerable.Range(0, count).Select(i => new TxIn(new OutPoint(Prev.TxId, (uint)i), Script.Empty)).ToArray();
        TransactionCheck.Check(Tx(inputs, [Out(1)])).Should().BeNull("all prevouts differ");

        inputs[second] = new TxIn(inputs[first].PrevOut, Script.Empty);

        TransactionCheck.Check(Tx(inputs, [Out(1)])).Should().Be("bad-txns-inputs-duplicate");
    }

    [Theory]
    [InlineData(1, "bad-cb-length")]
    [InlineData(2, null)]
    [InlineData(100, null)]
    [InlineData(101, "bad-cb-length")]
    public void Coinbase_script_must_be_2_to_100_bytes(int length, string? expected) =>
        TransactionCheck.Check(Tx([new TxIn(OutPoint.Null, new Script(new byte[length]))], [Out(1)])).Should().Be(expected);

    [Fact]
    public void Null_prevout_in_a_non_coinbase_is_rejected() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, Script.Empty), new TxIn(OutPoint.Null, Script.Empty)], [Out(1)])).Should().Be("bad-txns-prevout-null");

    [Fact]
    public void Oversized_transaction_is_rejected() =>
        TransactionCheck.Check(Tx([new TxIn(Prev, new Script(new byte[1_000_001]))], [Out(1)])).Should().Be("bad-txns-oversize");
}
