using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.Tests.Messages;

public class BmmAndTreasuryScriptTests
{
    [Fact]
    public void M8_of_section_9_6_is_70_bytes_with_P_in_internal_order()
    {
        var h = UInt256.FromInternalHex("33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2");
        var p = UInt256.Parse("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
        var script = new M8BmmRequest(1, h, p).ToScript();
        script.ToHex().Should().Be("6a4400bf0001" + "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2" +
                                   "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");
        M8BmmRequest.TryParse(script.Span, out var parsed).Should().BeTrue();
        parsed.Should().Be(new M8BmmRequest(1, h, p));
    }

    [Fact]
    public void The_enforcers_M8_unit_test_vector_parses()
    {
        var script = Convert.FromHexString("6a4400bf00011200007c0ca1efd8d128fedf50c73f395b0cceb0ffa823edbd971b4afd913021b15e278eeda7a8188f68b952ce9e1b47659b19b0b2bc817b2bffb497e5000000");
        M8BmmRequest.TryParse(script, out var m8).Should().BeTrue();
        m8!.Slot.Should().Be(1);
        m8.SidechainBlockHash.ToInternalHex().Should().StartWith("1200007c").And.EndWith("3021");
        m8.PreviousMainchainBlockHash.ToString().Should().StartWith("000000e597b4").And.EndWith("275eb1");
        m8.ToScript().Span.ToArray().Should().Equal(script);
    }

    [Theory]
    [InlineData("6a4c4400bf0001", "PUSHDATA1 form")]
    [InlineData("6a4400bf0101", "wrong tag")]
    public void M8_lookalikes_are_not_requests(string prefix, string why)
    {
        var body = prefix + new string('1', 128);
        M8BmmRequest.TryParse(Convert.FromHexString(body), out _).Should().BeFalse(why);
    }

    [Fact]
    public void M8_with_a_trailing_byte_is_not_a_request()
    {
        var script = new M8BmmRequest(1, new UInt256(1), new UInt256(2)).ToScript().Span.ToArray().Append((byte)0x51).ToArray();
        M8BmmRequest.TryParse(script, out _).Should().BeFalse();
    }

    [Fact]
    public void M8_at_output_1_of_a_transaction_is_not_a_request()
    {
        var m8 = new M8BmmRequest(1, new UInt256(1), new UInt256(2)).ToScript();
        var tx = new Transaction(2, [new TxIn(new OutPoint(new UInt256(9), 0), Script.Empty)],
            [new TxOut(Money.Zero, new Script(new byte[] { 0x51 })), new TxOut(Money.Zero, m8)], 0);
        M8BmmRequest.TryParse(tx, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("b4010151", true, 1)]
    [InlineData("b401ff51", true, 255)]
    [InlineData("b4010051", true, 0)]
    [InlineData("b45151", false, 0)]
    [InlineData("b4010151" + "00", false, 0)]
    [InlineData("b44c010151", false, 0)]
    [InlineData("b4020100" + "51", false, 0)]
    [InlineData("b5010151", false, 0)]
    public void Treasury_script_is_exactly_b4_01_S_51(string hex, bool recognized, byte slot)
    {
        TreasuryScript.TryParse(Convert.FromHexString(hex), out var s).Should().Be(recognized);
        if (recognized) s.Should().Be(slot);
    }

    [Fact]
    public void Treasury_script_encodes_the_slot()
    {
        TreasuryScript.Create(1).ToHex().Should().Be("b4010151");
    }

    [Theory]
    [InlineData("6a1073696465636861696e2d616464722d31", true, "sidechain-addr-1")]
    [InlineData("6a00", true, "")]
    [InlineData("6a4c0161", true, "a")]
    [InlineData("6a", false, "")]
    [InlineData("6a51", false, "")]
    [InlineData("6a01610162", false, "")]
    public void Deposit_address_is_OP_RETURN_with_exactly_one_push(string hex, bool recognized, string address)
    {
        DepositAddress.TryParse(Convert.FromHexString(hex), out var bytes).Should().Be(recognized);
        if (recognized) System.Text.Encoding.ASCII.GetString(bytes).Should().Be(address);
    }
}
