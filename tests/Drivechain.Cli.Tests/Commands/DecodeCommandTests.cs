using System.Text.Json;
using Drivechain.Testing.Vectors;

namespace Drivechain.Cli.Tests.Commands;

/// <summary><c>drivechain decode</c>: block, then transaction, then script; drivechain messages named (spec §9).</summary>
public class DecodeCommandTests
{
    private static JsonElement Decode(string hex)
    {
        var run = CliRun.Of("decode", hex);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private const string Spec91M1 = "6a4c53d5e0c4af0100075468756e6465724578616d706c652073696465636861696e"
        + "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
        + "14131211100f0e0d0c0b0a090807060504030201";

    [Fact]
    public void The_spec_M1_is_named_with_its_slot_and_description_hash()
    {
        var m1 = Decode(Spec91M1);

        m1.GetProperty("type").GetString().Should().Be("script");
        var message = m1.GetProperty("drivechain");
        message.GetProperty("type").GetString().Should().Be("M1");
        message.GetProperty("slot").GetInt32().Should().Be(1);
        message.GetProperty("description_hash").GetString().Should().Be("80134d914e99d61808ca49da2c30ed658df196aaab1ab8779288097dd96c84ec");
    }

    [Theory]
    [InlineData("6a25d6e1c5df01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d1380", "M2", "description_hash", "80134d914e99d61808ca49da2c30ed658df196aaab1ab8779288097dd96c84ec")]
    [InlineData("6a25d45aa94301f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b", "M3", "m6id", "0b08fdb6369c73077b50a2a1d5dbe59661d40249cb3c92f8e3139246764e56f3")]
    [InlineData("6a25d161736801" + "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2", "M7", "sidechain_block_hash", "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2")]
    [InlineData("6a4400bf0001" + "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2" + "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f", "M8", "prev_mainchain_block_hash", "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206")]
    public void Spec_messages_are_named_with_their_fields(string hex, string type, string field, string value)
    {
        var message = Decode(hex).GetProperty("drivechain");

        message.GetProperty("type").GetString().Should().Be(type);
        message.GetProperty("slot").GetInt32().Should().Be(1);
        message.GetProperty(field).GetString().Should().Be(value);
    }

    [Theory]
    [InlineData("6a05d77d177600", 0)]
    [InlineData("6a05d77d177603", 3)]
    [InlineData("6a07d77d17760100ff", 1)]
    [InlineData("6a09d77d1776022c01ffff", 2)]
    public void Every_M4_version_is_named(string hex, int version)
    {
        var message = Decode(hex).GetProperty("drivechain");

        message.GetProperty("type").GetString().Should().Be("M4");
        message.GetProperty("version").GetInt32().Should().Be(version);
    }

    [Fact]
    public void M4_votes_are_listed_with_abstain_and_alarm_spelled_out()
    {
        var votes = Decode("6a09d77d1776022c01ffff").GetProperty("drivechain").GetProperty("votes");

        votes[0].GetInt32().Should().Be(300);
        votes[1].GetString().Should().Be("abstain");
    }

    [Theory]
    [InlineData("6a0501d77d177600")]        // push of the wrong length
    [InlineData("6a05d77d17760051")]        // trailing opcode
    [InlineData("6a24d6e1c5df01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d13")]   // short M2
    public void Message_lookalikes_are_not_named_as_messages(string hex)
    {
        var named = Decode(hex).TryGetProperty("drivechain", out var drivechain) ? drivechain.GetProperty("type").GetString() : "nothing";

        named.Should().BeOneOf("nothing", "deposit_address");   // a single OP_RETURN push has the deposit-address shape (spec §2.3)
    }

    [Fact]
    public void The_spec_M6_transaction_is_decoded_with_its_treasury_and_withdrawal_shape()
    {
        var tx = Decode(M6IdCommandTests.Spec93Transaction);

        tx.GetProperty("type").GetString().Should().Be("transaction");
        tx.GetProperty("txid").GetString().Should().Be("9bffc33f585e2f97256ef335bec7df2289d2c78fc08f44c2b3571d67c8de1a3b");
        var treasury = tx.GetProperty("vout")[0].GetProperty("drivechain");
        treasury.GetProperty("type").GetString().Should().Be("treasury");
        treasury.GetProperty("value").GetInt64().Should().Be(69_990_000);
        tx.GetProperty("vout")[0].GetProperty("value").GetDecimal().Should().Be(0.6999m);
        var m6 = tx.GetProperty("drivechain");
        m6.GetProperty("type").GetString().Should().Be("M6");
        m6.GetProperty("payout_total").GetInt64().Should().Be(30_000_000);
    }

    [Fact]
    public void A_vector_block_is_decoded_as_a_block_with_its_coinbase_messages()
    {
        var hex = Convert.ToHexStringLower(DrivechainVectors.Read(VectorPaths.File("drivechain", "pub-activation.json")).Blocks[0].Bytes.Span);

        var block = Decode(hex);

        block.GetProperty("type").GetString().Should().Be("block");
        block.GetProperty("previousblockhash").GetString().Should().Be("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
        var messages = block.GetProperty("tx")[0].GetProperty("vout").EnumerateArray()
            .Where(o => o.TryGetProperty("drivechain", out _))
            .Select(o => o.GetProperty("drivechain").GetProperty("type").GetString())
            .ToList();
        messages.Should().Contain("M1");
    }

    [Theory]
    [InlineData("zz12", "not hex")]
    [InlineData("abc", "odd number of digits")]
    public void Bad_hex_is_a_clear_error_with_exit_code_1(string hex, string message)
    {
        var run = CliRun.Of("decode", hex);

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith("error:").And.Contain(message).And.NotContain("   at ");
    }
}
