using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.EndToEnd;

/// <summary>
/// The steps of a drivechain life cycle on a regtest node, over JSON-RPC only: mine to a known key, propose sidechains,
/// deposit from a matured coinbase, hand the miner a withdrawal bundle and mine it to payout, send a BMM request.
/// Shared by the node's end-to-end tests and the dashboard's browser tests.
/// </summary>
public sealed class RegtestDrivechainSteps(RpcClientBase rpc)
{
    private static readonly ISecp256k1 Secp = Secp256k1Provider.CreateDefault();
    private static readonly byte[] Secret = Convert.FromHexString("0101010101010101010101010101010101010101010101010101010101010101");

    /// <summary>Block subsidy of the early regtest blocks, BTC.</summary>
    public const decimal Subsidy = 50m;

    /// <summary>The key every block pays to (WIF), so coinbases can be spent.</summary>
    public static readonly string Wif = WifKey.Create(Secret, compressed: true, Network.Regtest).ToWif();

    /// <summary>P2WPKH address of <see cref="Wif"/>.</summary>
    public static readonly string MinerAddress =
        Address.PayToWitness(0, Hashes.Hash160(Secp.GetPublicKey(Secret, compressed: true)).ToBytes(), Network.Regtest).Text;

    /// <summary>Where the withdrawal bundles pay.</summary>
    public static readonly string PayoutAddress =
        Address.PayToWitness(0, Hashes.Hash160(Secp.GetPublicKey(Convert.FromHexString("0202020202020202020202020202020202020202020202020202020202020202"), true)).ToBytes(), Network.Regtest).Text;

    public Task<JsonNode?> Rpc(string method, params object?[] args) => rpc.CallAsync(method, args);

    public async Task<JsonArray> MineAsync(int blocks) => (await Rpc("generatetoaddress", blocks, MinerAddress))!.AsArray();

    public async Task<JsonObject> BlockAsync(JsonNode? hash) => (await Rpc("getblock", hash!.GetValue<string>(), 2))!.AsObject();

    public async Task<string> CoinbaseTxIdAsync(int height) =>
        (await BlockAsync(await Rpc("getblockhash", height)))["tx"]![0]!["txid"]!.GetValue<string>();

    /// <summary>createrawtransaction + signrawtransactionwithkey (<see cref="Wif"/>) + sendrawtransaction; the txid.</summary>
    public async Task<string> SignAndSendAsync(JsonNode inputs, JsonNode outputs)
    {
        var unsigned = (await Rpc("createrawtransaction", inputs, outputs))!.GetValue<string>();
        var signed = (await Rpc("signrawtransactionwithkey", unsigned, new JsonArray(Wif)))!.AsObject();
        if (signed["complete"]?.GetValue<bool>() != true) throw new InvalidOperationException($"signing failed: {signed.ToJsonString()}");
        return (await Rpc("sendrawtransaction", signed["hex"]!.GetValue<string>()))!.GetValue<string>();
    }

    /// <summary>Proposes a sidechain (M1 in the next block); returns the proposesidechain result.</summary>
    public async Task<JsonObject> ProposeSidechainAsync(int slot, string title, string description) =>
        (await Rpc("proposesidechain", slot, title, description))!.AsObject();

    /// <summary>
    /// An M5 deposit of <paramref name="amount"/> BTC to <paramref name="slot"/> from the coinbase of block
    /// <paramref name="coinbaseHeight"/>: the slot's CTIP (when it has one) is spent into the new treasury output, then the
    /// deposit address and the change minus a 0.001 BTC fee. Returns the txid.
    /// </summary>
    public async Task<string> DepositAsync(int slot, int coinbaseHeight, decimal amount, string depositAddress)
    {
        var inputs = new JsonArray(new JsonObject { ["txid"] = await CoinbaseTxIdAsync(coinbaseHeight), ["vout"] = 0 });
        var treasury = amount;
        if (await Rpc("getctip", slot) is JsonObject ctip)
        {
            inputs.Add(new JsonObject { ["txid"] = ctip["txid"]!.GetValue<string>(), ["vout"] = ctip["vout"]!.GetValue<int>() });
            treasury += ctip["value"]!.GetValue<decimal>();
        }
        return await SignAndSendAsync(inputs, new JsonArray(
            new JsonObject { [$"treasury:{slot.ToString(CultureInfo.InvariantCulture)}"] = treasury },
            new JsonObject { ["data"] = Convert.ToHexStringLower(Encoding.ASCII.GetBytes(depositAddress)) },
            new JsonObject { [MinerAddress] = Subsidy - amount - 0.001m }));
    }

    /// <summary>A blinded M6 (no inputs): the fee output (OP_RETURN, big-endian fee) and one payout to <see cref="PayoutAddress"/>.</summary>
    public static Transaction BlindedBundle(long payoutSatoshis, long feeSatoshis)
    {
        var feeScript = new byte[10];
        feeScript[0] = 0x6a;
        feeScript[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(feeScript.AsSpan(2), feeSatoshis);
        var payoutScript = Address.Parse(PayoutAddress, Network.Regtest).ScriptPubKey;
        return new Transaction(2, [], [new TxOut(Money.Zero, new Script(feeScript)), new TxOut(new Money(payoutSatoshis), payoutScript)], 0);
    }

    /// <summary>Hands the miner a bundle (its M3 goes into the next block); returns its M6ID.</summary>
    public async Task<string> ReceiveBundleAsync(int slot, Transaction blinded) =>
        (await Rpc("receivewithdrawalbundle", slot, blinded.ToHex()))!["m6id"]!.GetValue<string>();

    /// <summary>Mines one block at a time until the slot's treasury history shows a withdrawal; its txid, or null.</summary>
    public async Task<string?> MineUntilPaidAsync(int slot, int maxBlocks)
    {
        for (var i = 0; i < maxBlocks; i++)
        {
            await MineAsync(1);
            var history = (await Rpc("listtreasuryhistory", slot))!.AsArray();
            if (history.LastOrDefault(h => h!["kind"]!.GetValue<string>() == "withdrawal")?["txid"]!.GetValue<string>() is { } txid)
                return txid;
        }
        return null;
    }

    /// <summary>A BMM request (M8) for <paramref name="sidechainBlockHash"/> on the tip, bidding <paramref name="bid"/> BTC (its fee)
    /// from the coinbase of block <paramref name="coinbaseHeight"/>. Returns the txid.</summary>
    public async Task<string> SendBmmRequestAsync(int slot, string sidechainBlockHash, int coinbaseHeight, decimal bid)
    {
        var m8Script = (await Rpc("createbmmrequestscript", slot, sidechainBlockHash))!.GetValue<string>();
        return await SignAndSendAsync(
            new JsonArray(new JsonObject { ["txid"] = await CoinbaseTxIdAsync(coinbaseHeight), ["vout"] = 0 }),
            new JsonArray(new JsonObject { [$"script:{m8Script}"] = 0m }, new JsonObject { [MinerAddress] = Subsidy - bid }));
    }
}
