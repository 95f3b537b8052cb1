using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Rpc;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Rpc.Methods;

namespace Drivechain.Node.Tests.Rpc;

public sealed class RawTransactionRpcMethodsTests
{
    private readonly RpcHarness _rpc = new(new RawTransactionRpcMethods(Network.Regtest, Drivechain.Bitcoin.Crypto.Secp256k1Provider.CreateDefault(), NoSpendableOutputs.Instance));
    // Core's genesis coinbase (main/testnet3/signet/regtest share it), txid 4a5e1e4b…a33b.
    private static readonly Transaction GenesisCoinbase = Transaction.Parse(
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000");

    [Fact]
    public async Task Decoderawtransaction_shows_the_genesis_coinbase_as_Core_does()
    {
        var tx = (await _rpc.CallAsync("decoderawtransaction", GenesisCoinbase.ToHex()))!.AsObject();

        tx["txid"]!.GetValue<string>().Should().Be("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
        tx["version"]!.GetValue<int>().Should().Be(1);
        tx["size"]!.GetValue<int>().Should().Be(204);
        tx["vin"]![0]!["coinbase"]!.GetValue<string>().Should().StartWith("04ffff001d0104");
        tx["vin"]![0]!["sequence"]!.GetValue<long>().Should().Be(4294967295);
        var vout = tx["vout"]![0]!;
        vout["value"]!.ToJsonString().Should().Be("50.00000000");
        vout["scriptPubKey"]!["type"]!.GetValue<string>().Should().Be("pubkey");
        vout["scriptPubKey"]!["asm"]!.GetValue<string>().Should().EndWith(" OP_CHECKSIG");
        vout["scriptPubKey"]!["desc"]!.GetValue<string>().Should().StartWith("pk(04678afdb0fe");
        tx.ContainsKey("hex").Should().BeFalse();
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("0100")]
    [InlineData("abc")]
    public async Task Decoderawtransaction_rejects_bad_hex_with_deserialization_error(string hex)
    {
        var (code, message) = await _rpc.CallErrorAsync("decoderawtransaction", hex);

        code.Should().Be(RpcErrorCode.DeserializationError);
        message.Should().Be("TX decode failed");
    }

    [Fact]
    public async Task Decodescript_names_p2pkh_and_its_wrappings()
    {
        var script = (await _rpc.CallAsync("decodescript", "76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac"))!.AsObject();

        script["asm"]!.GetValue<string>().Should().Be("OP_DUP OP_HASH160 62e907b15cbf27d5425399ebf6f0fb50ebb88f18 OP_EQUALVERIFY OP_CHECKSIG");
        script["type"]!.GetValue<string>().Should().Be("pubkeyhash");
        script["address"]!.GetValue<string>().Should().Be("mpXwg4jMtRhuSpVq4xS3HFHmCmWp9NyGKt");
        script["desc"]!.GetValue<string>().Should().StartWith("addr(mpXwg4jMtRhuSpVq4xS3HFHmCmWp9NyGKt)#");
        script["p2sh"]!.GetValue<string>().Should().StartWith("2");
        script["segwit"]!["type"]!.GetValue<string>().Should().Be("witness_v0_keyhash");
        script["segwit"]!["address"]!.GetValue<string>().Should().StartWith("bcrt1q");
    }

    [Fact]
    public async Task Decodescript_shows_small_pushes_as_numbers_like_Core()
    {
        var script = (await _rpc.CallAsync("decodescript", "b4010151"))!.AsObject();

        script["asm"]!.GetValue<string>().Should().Be("OP_NOP5 1 1");
        script["type"]!.GetValue<string>().Should().Be("nonstandard");
        script["desc"]!.GetValue<string>().Should().StartWith("raw(b4010151)#");
    }

    [Fact]
    public async Task Decodescript_rejects_odd_hex_with_invalid_parameter()
    {
        var (code, message) = await _rpc.CallErrorAsync("decodescript", "abc");

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("argument must be hexadecimal string (not 'abc') and length of it must be divisible by 2");
    }

    [Fact]
    public async Task Createrawtransaction_builds_inputs_outputs_treasury_and_data()
    {
        var inputs = JsonNode.Parse("""[{"txid":"4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b","vout":0}]""");
        var outputs = JsonNode.Parse("""[{"treasury:1":1.5},{"data":"73696465"},{"mpXwg4jMtRhuSpVq4xS3HFHmCmWp9NyGKt":"0.25"}]""");

        var hex = (await _rpc.CallAsync("createrawtransaction", inputs, outputs))!.GetValue<string>();

        var tx = Transaction.Parse(hex);
        tx.Version.Should().Be(2u);
        tx.Inputs.Should().ContainSingle().Which.Sequence.Should().Be(0xffffffffu);
        tx.Outputs[0].ScriptPubKey.ToHex().Should().Be("b4010151");
        tx.Outputs[0].Value.Satoshis.Should().Be(150_000_000);
        tx.Outputs[1].ScriptPubKey.ToHex().Should().Be("6a0473696465");
        tx.Outputs[2].Value.Satoshis.Should().Be(25_000_000);
    }

    [Fact]
    public async Task Createrawtransaction_replaceable_sets_the_bip125_sequence()
    {
        var inputs = JsonNode.Parse("""[{"txid":"4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b","vout":0}]""");
        var outputs = JsonNode.Parse("""{"data":"00"}""");

        var hex = (await _rpc.CallAsync("createrawtransaction", inputs, outputs, 0, true))!.GetValue<string>();

        Transaction.Parse(hex).Inputs[0].Sequence.Should().Be(0xfffffffdu);
    }

    [Fact]
    public async Task Createrawtransaction_rejects_an_invalid_address()
    {
        var (code, message) = await _rpc.CallErrorAsync("createrawtransaction", new JsonArray(), JsonNode.Parse("""{"notanaddress":1}"""));

        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().Be("Invalid Bitcoin address: notanaddress");
    }

    [Fact]
    public async Task Createrawtransaction_rejects_a_short_txid()
    {
        var (code, message) = await _rpc.CallErrorAsync("createrawtransaction", JsonNode.Parse("""[{"txid":"abc","vout":0}]"""), JsonNode.Parse("""{"data":"00"}"""));

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("txid must be of length 64 (not 3, for 'abc')");
    }

    [Fact]
    public async Task Createrawtransaction_requires_vout()
    {
        var (code, message) = await _rpc.CallErrorAsync("createrawtransaction",
            JsonNode.Parse("""[{"txid":"4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"}]"""), JsonNode.Parse("""{"data":"00"}"""));

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("Invalid parameter, missing vout key");
    }

    [Fact]
    public void Descriptor_checksum_matches_the_BIP380_vector()
    {
        DescriptorChecksum.AddChecksum("raw(deadbeef)").Should().Be("raw(deadbeef)#89f8spxm");
        DescriptorChecksum.TryStrip("raw(deadbeef)#89f8spxn", out _, out var error).Should().BeFalse();
        error.Should().Contain("does not match");
    }

    [Theory]
    [InlineData(0L, "0.00000000")]
    [InlineData(1L, "0.00000001")]
    [InlineData(5_000_000_000L, "50.00000000")]
    [InlineData(-123_456_789L, "-1.23456789")]
    public void Amounts_are_written_with_eight_decimals(long satoshis, string json)
    {
        RpcAmount.ToJson(satoshis).ToJsonString().Should().Be(json);
    }

    [Theory]
    [InlineData("1.000000001")]
    [InlineData("-1")]
    [InlineData("21000001")]
    public void Bad_amounts_are_type_errors(string text)
    {
        var act = () => RpcAmount.FromJson(JsonValue.Create(text));

        act.Should().Throw<RpcException>().Which.Code.Should().Be(RpcErrorCode.TypeError);
    }
}
