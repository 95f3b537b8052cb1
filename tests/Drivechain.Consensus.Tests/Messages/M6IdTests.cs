using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Messages;

public class M6IdTests
{
    internal const string M6Hex =
        "0200000001" + "1111111111111111111111111111111111111111111111111111111111111111" + "00000000" + "00" + "ffffffff" +
        "02" + "70f62b0400000000" + "04" + "b4010151" +
        "80c3c90100000000" + "16" + "00142222222222222222222222222222222222222222" +
        "00000000";

    [Fact]
    public void The_M6_of_section_9_3_has_the_documented_txid()
    {
        var m6 = Transaction.Parse(M6Hex);
        m6.TxId.ToString().Should().Be("9bffc33f585e2f97256ef335bec7df2289d2c78fc08f44c2b3571d67c8de1a3b");
        m6.Outputs[0].Value.Satoshis.Should().Be(69_990_000);
    }

    [Fact]
    public void The_M6ID_of_section_9_3_is_f3564e76()
    {
        var m6 = Transaction.Parse(M6Hex);
        M6Id.TryCompute(m6, new Money(100_000_000), out var id, out var fee).Should().BeTrue();
        fee.Satoshis.Should().Be(10_000);
        id.Hash.ToInternalHex().Should().Be("f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b");
        id.ToString().Should().Be("0b08fdb6369c73077b50a2a1d5dbe59661d40249cb3c92f8e3139246764e56f3");
    }

    [Fact]
    public void The_blinded_form_serializes_as_in_section_9_3()
    {
        var m6 = Transaction.Parse(M6Hex);
        var blinded = M6Id.CreateBlinded(m6, new Money(10_000));
        blinded.ToHex().Should().Be("020000000002" + "0000000000000000" + "0a" + "6a080000000000002710" +
                                    "80c3c90100000000" + "16" + "00142222222222222222222222222222222222222222" + "00000000");
        M6Id.OfBlinded(blinded).Should().Be(M6Id.Compute(m6, new Money(100_000_000)));
    }

    [Fact]
    public void Unblinding_reproduces_the_M6()
    {
        var m6 = Transaction.Parse(M6Hex);
        var blinded = M6Id.CreateBlinded(m6, new Money(10_000));
        var ctip = new OutPoint(UInt256.FromInternalHex(new string('1', 64)), 0);
        M6Id.Unblind(blinded, 1, ctip, new Money(100_000_000)).ToHex().Should().Be(M6Hex);
    }

    [Fact]
    public void Negative_fee_total_is_the_error_value()
    {
        var m6 = Transaction.Parse(M6Hex);
        // Outputs total 69 990 000 + 30 000 000 = 99 990 000.
        M6Id.Compute(m6, new Money(99_990_000)).Should().NotBeNull("F_total = 0 is allowed");
        M6Id.Compute(m6, new Money(99_989_999)).Should().BeNull();
    }

    [Fact]
    public void The_treasury_inputs_script_and_outpoint_do_not_change_the_M6ID()
    {
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(500), (DrivechainTransactions.PayoutScript(7), new Money(1000)));
        var a = M6Id.Unblind(blinded, 3, new OutPoint(new UInt256(1), 0), new Money(10_000));
        var b = M6Id.Unblind(blinded, 3, new OutPoint(new UInt256(2), 5), new Money(20_000));
        M6Id.Compute(a, new Money(10_000)).Should().Be(M6Id.Compute(b, new Money(20_000))).And.Be(M6Id.OfBlinded(blinded));
    }
}
