using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Rpc;
using Drivechain.Node.Rpc.Methods;

namespace Drivechain.Node.Tests.Rpc;

public sealed class SignRawTransactionWithKeyTests
{
    private static readonly ISecp256k1 Secp = Secp256k1Provider.CreateDefault();
    private static readonly byte[] Secret = Convert.FromHexString("1111111111111111111111111111111111111111111111111111111111111111");
    private static readonly string Wif = WifKey.Create(Secret, compressed: true, Network.Regtest).ToWif();
    private static readonly UInt160 KeyHash = Hashes.Hash160(Secp.GetPublicKey(Secret, compressed: true));
    private const string FundingTxId = "aa00000000000000000000000000000000000000000000000000000000000001";

    private readonly RpcHarness _rpc = new(new RawTransactionRpcMethods(Network.Regtest, Secp, NoSpendableOutputs.Instance));

    private static Script P2wpkh => Address.PayToWitness(0, KeyHash.ToBytes(), Network.Regtest).ScriptPubKey;
    private static Script P2pkh => Address.PayToPubKeyHash(KeyHash, Network.Regtest).ScriptPubKey;
    private static Script P2shP2wpkh => Address.PayToScriptHash(Hashes.Hash160(P2wpkh.Span), Network.Regtest).ScriptPubKey;
    private static Script P2tr
    {
        get
        {
            var xonly = Secp.GetXOnlyPublicKey(Secret);
            Secp.TryTweakXOnlyPublicKey(xonly, TaprootCommitment.TweakHash(xonly, null).ToBytes(), out var output, out _);
            return Address.PayToWitness(1, output, Network.Regtest).ScriptPubKey;
        }
    }

    private static string UnsignedSpend(int inputs) => new Transaction(2,
        [.. Enumerable.Range(0, inputs).Select(i => new TxIn(new OutPoint(UInt256.Parse(FundingTxId), (uint)i), Script.Empty))],
        [new TxOut(new Money(90_000), P2wpkh)], 0).ToHex();

    private static JsonObject PrevTx(int vout, Script script, decimal amount) => new JsonObject
    {
        ["txid"] = FundingTxId, ["vout"] = vout, ["scriptPubKey"] = script.ToHex(), ["amount"] = amount,
    };

    [Fact]
    public async Task Signs_p2pkh_p2wpkh_p2sh_p2wpkh_and_taproot_inputs_to_a_complete_valid_transaction()
    {
        Script[] scripts = [P2pkh, P2wpkh, P2shP2wpkh, P2tr];
        var prevtxs = new JsonArray(scripts.Select((s, i) => PrevTx(i, s, 0.001m)).ToArray());

        var result = (await _rpc.CallAsync("signrawtransactionwithkey", UnsignedSpend(4), new JsonArray(Wif), prevtxs))!.AsObject();

        result["complete"]!.GetValue<bool>().Should().BeTrue(result.ToJsonString());
        var signed = Transaction.Parse(result["hex"]!.GetValue<string>());
        var data = new PrecomputedTransactionData(signed, [.. scripts.Select(s => new TxOut(new Money(100_000), s))]);
        for (var i = 0; i < 4; i++)
            ScriptVerifier.VerifyInput(data, i, StandardPolicy.Standard, Secp, out var error).Should().BeTrue($"input {i}: {error}");
    }

    [Fact]
    public async Task Unknown_prevout_is_reported_and_not_complete()
    {
        var result = (await _rpc.CallAsync("signrawtransactionwithkey", UnsignedSpend(1), new JsonArray(Wif)))!.AsObject();

        result["complete"]!.GetValue<bool>().Should().BeFalse();
        result["errors"]![0]!["error"]!.GetValue<string>().Should().Be("Input not found or already spent");
    }

    [Fact]
    public async Task Input_without_a_matching_key_fails_verification()
    {
        var other = WifKey.Create(Convert.FromHexString("2222222222222222222222222222222222222222222222222222222222222222"), true, Network.Regtest).ToWif();

        var result = (await _rpc.CallAsync("signrawtransactionwithkey", UnsignedSpend(1), new JsonArray(other), new JsonArray(PrevTx(0, P2wpkh, 0.001m))))!.AsObject();

        result["complete"]!.GetValue<bool>().Should().BeFalse();
        result["errors"]![0]!["vout"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Invalid_private_key_is_rejected_with_code_minus_5()
    {
        var (code, message) = await _rpc.CallErrorAsync("signrawtransactionwithkey", UnsignedSpend(1), new JsonArray("notakey"));

        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().Be("Invalid private key");
    }

    [Fact]
    public async Task Unknown_sighash_type_is_an_invalid_parameter()
    {
        var (code, message) = await _rpc.CallErrorAsync("signrawtransactionwithkey", UnsignedSpend(1), new JsonArray(Wif), new JsonArray(), "EVERYTHING");

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("'EVERYTHING' is not a valid sighash parameter.");
    }

    [Fact]
    public async Task Treasury_input_verifies_with_an_empty_scriptsig()
    {
        var treasury = new Script(new byte[] { 0xb4, 0x01, 0x01, 0x51 });

        var result = (await _rpc.CallAsync("signrawtransactionwithkey", UnsignedSpend(1), new JsonArray(Wif), new JsonArray(PrevTx(0, treasury, 1m))))!.AsObject();

        result["complete"]!.GetValue<bool>().Should().BeTrue(result.ToJsonString());
    }
}
