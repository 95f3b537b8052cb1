using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Node.Tests.Hosting;

namespace Drivechain.Node.Tests.Rpc;

/// <summary>An in-process regtest node with a funded key, driven through JSON-RPC; helpers to mine and to spend coinbases.</summary>
public sealed class RegtestScenario : IAsyncDisposable
{
    public static readonly ISecp256k1 Secp = Secp256k1Provider.CreateDefault();
    public static readonly byte[] Secret = Convert.FromHexString("0303030303030303030303030303030303030303030303030303030303030303");
    public static readonly string Wif = WifKey.Create(Secret, compressed: true, Network.Regtest).ToWif();
    public static readonly string Address =
        Bitcoin.Addresses.Address.PayToWitness(0, Hashes.Hash160(Secp.GetPublicKey(Secret, compressed: true)).ToBytes(), Network.Regtest).Text;

    private RegtestScenario(InProcessNode node) => Node = node;

    public InProcessNode Node { get; }
    public RpcTestClient Rpc => Node.Rpc;

    public static async Task<RegtestScenario> StartAsync(int blocks = 0, IDictionary<string, string?>? settings = null)
    {
        var scenario = new RegtestScenario(await InProcessNode.StartAsync(settings));
        if (blocks > 0) await scenario.Mine(blocks);
        return scenario;
    }

    public async Task<JsonArray> Mine(int blocks) => (await Rpc.CallAsync("generatetoaddress", blocks, Address))!.AsArray();

    public async Task<JsonObject> Block(string hash) => (await Rpc.CallAsync("getblock", hash, 2))!.AsObject();

    public async Task<string> TipHash() => (await Rpc.CallAsync("getbestblockhash"))!.GetValue<string>();

    public async Task<string> CoinbaseTxId(int height)
    {
        var hash = (await Rpc.CallAsync("getblockhash", height))!.GetValue<string>();
        return (await Block(hash))["tx"]![0]!["txid"]!.GetValue<string>();
    }

    /// <summary>A signed transaction spending output 0 of the coinbase at <paramref name="height"/> (50 BTC).</summary>
    public async Task<string> SignedSpend(int height, JsonArray outputs, uint? sequence = null, string? txid = null, int vout = 0)
    {
        var input = new JsonObject { ["txid"] = txid ?? await CoinbaseTxId(height), ["vout"] = vout };
        if (sequence is { } s) input["sequence"] = s;
        var unsigned = (await Rpc.CallAsync("createrawtransaction", new JsonArray(input), outputs))!.GetValue<string>();
        var signed = (await Rpc.CallAsync("signrawtransactionwithkey", unsigned, new JsonArray(Wif)))!.AsObject();
        if (!signed["complete"]!.GetValue<bool>()) throw new InvalidOperationException(signed.ToJsonString());
        return signed["hex"]!.GetValue<string>();
    }

    /// <summary>A signed transaction spending output 0 of <paramref name="txid"/> (a P2WPKH output of the scenario key).</summary>
    public async Task<string> SignedSpendOf(string txid, decimal amount, JsonArray outputs)
    {
        var unsigned = (await Rpc.CallAsync("createrawtransaction", new JsonArray(new JsonObject { ["txid"] = txid, ["vout"] = 0 }), outputs))!.GetValue<string>();
        var prevtx = new JsonObject
        {
            ["txid"] = txid, ["vout"] = 0, ["amount"] = amount,
            ["scriptPubKey"] = Bitcoin.Addresses.Address.Parse(Address, Network.Regtest).ScriptPubKey.ToHex(),
        };
        var signed = (await Rpc.CallAsync("signrawtransactionwithkey", unsigned, new JsonArray(Wif), new JsonArray(prevtx)))!.AsObject();
        if (!signed["complete"]!.GetValue<bool>()) throw new InvalidOperationException(signed.ToJsonString());
        return signed["hex"]!.GetValue<string>();
    }

    /// <summary>Outputs paying <paramref name="amount"/> back to the scenario address.</summary>
    public static JsonArray PayBack(decimal amount) => new(new JsonObject { [Address] = amount });

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
