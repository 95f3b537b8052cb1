using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Node.Tests.EndToEnd;

/// <summary>
/// The whole drivechain life cycle against the real executable, over JSON-RPC only: mining, sidechain activation,
/// a deposit built with createrawtransaction + signrawtransactionwithkey, a withdrawal bundle paid out, a BMM request
/// accepted, and a restart that finds the same tip and drivechain state.
/// </summary>
public sealed class RegtestDrivechainEndToEndTests : IAsyncLifetime
{
    private const byte Slot = 1;
    private static readonly ISecp256k1 Secp = Secp256k1Provider.CreateDefault();
    private static readonly byte[] Secret = Convert.FromHexString("0101010101010101010101010101010101010101010101010101010101010101");
    private static readonly string Wif = WifKey.Create(Secret, compressed: true, Network.Regtest).ToWif();
    private static readonly string MinerAddress =
        Address.PayToWitness(0, Hashes.Hash160(Secp.GetPublicKey(Secret, compressed: true)).ToBytes(), Network.Regtest).Text;
    private static readonly string PayoutAddress =
        Address.PayToWitness(0, Hashes.Hash160(Secp.GetPublicKey(Convert.FromHexString("0202020202020202020202020202020202020202020202020202020202020202"), true)).ToBytes(), Network.Regtest).Text;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "drivechain-e2e", Guid.NewGuid().ToString("N"));
    private NodeProcess _node = null!;

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(_dataDir);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private Task<JsonNode?> Rpc(string method, params object?[] args) => _node.Rpc.CallAsync(method, args);

    private async Task<JsonArray> Mine(int blocks) => (await Rpc("generatetoaddress", blocks, MinerAddress))!.AsArray();

    private async Task<JsonObject> Block(JsonNode? hash) => (await Rpc("getblock", hash!.GetValue<string>(), 2))!.AsObject();

    private async Task<string> CoinbaseTxId(int height) =>
        (await Block(await Rpc("getblockhash", height)))["tx"]![0]!["txid"]!.GetValue<string>();

    private async Task<string> SignAndSend(JsonNode inputs, JsonNode outputs)
    {
        var unsigned = (await Rpc("createrawtransaction", inputs, outputs))!.GetValue<string>();
        var signed = (await Rpc("signrawtransactionwithkey", unsigned, new JsonArray(Wif)))!.AsObject();
        signed["complete"]!.GetValue<bool>().Should().BeTrue(signed.ToJsonString());
        return (await Rpc("sendrawtransaction", signed["hex"]!.GetValue<string>()))!.GetValue<string>();
    }

    [Fact]
    public async Task Sidechain_life_cycle_over_json_rpc_survives_a_restart()
    {
        // 101 blocks: the first coinbase matures.
        (await Mine(101)).Should().HaveCount(101);
        (await Rpc("getblockcount"))!.GetValue<int>().Should().Be(101);

        // Propose slot 1; the default ack-all policy ACKs it in every following block until it activates (M2 × 6).
        var proposal = (await Rpc("proposesidechain", (int)Slot, "Thunder", "Example sidechain"))!.AsObject();
        await Mine(1);
        var proposals = (await Rpc("listsidechainproposals"))!.AsArray();
        proposals.Should().ContainSingle().Which!["description_hash"]!.GetValue<string>().Should().Be(proposal["description_hash"]!.GetValue<string>());
        await Mine(6);
        var sidechains = (await Rpc("listsidechains"))!.AsArray();
        sidechains.Should().ContainSingle();
        sidechains[0]!["slot"]!.GetValue<int>().Should().Be(Slot);
        sidechains[0]!["declaration"]!["title"]!.GetValue<string>().Should().Be("Thunder");
        (await Rpc("listsidechainproposals"))!.AsArray().Should().BeEmpty();

        // Deposit 10 BTC from the block-1 coinbase: treasury output, deposit address, change.
        var depositTxId = await SignAndSend(
            new JsonArray(new JsonObject { ["txid"] = await CoinbaseTxId(1), ["vout"] = 0 }),
            new JsonArray(
                new JsonObject { [$"treasury:{Slot}"] = 10m },
                new JsonObject { ["data"] = Convert.ToHexStringLower(Encoding.ASCII.GetBytes("sidechain-addr-1")) },
                new JsonObject { [MinerAddress] = 39.999m }));
        (await Rpc("getrawmempool"))!.AsArray().Select(x => x!.GetValue<string>()).Should().Contain(depositTxId);
        await Mine(1);
        var ctip = (await Rpc("getctip", (int)Slot))!.AsObject();
        ctip["txid"]!.GetValue<string>().Should().Be(depositTxId);
        ctip["value"]!.GetValue<decimal>().Should().Be(10m);
        (await Rpc("listtreasuryhistory", (int)Slot))!.AsArray().Should().ContainSingle().Which!["kind"]!.GetValue<string>().Should().Be("deposit");

        // A withdrawal bundle from the sidechain (blinded M6): 1 BTC to the payout address, 10 000 sat fee.
        var payoutScript = Address.Parse(PayoutAddress, Network.Regtest).ScriptPubKey;
        var feeScript = new byte[10];
        feeScript[0] = 0x6a;
        feeScript[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(feeScript.AsSpan(2), 10_000);
        var blinded = new Transaction(2, [], [new TxOut(Money.Zero, new Script(feeScript)), new TxOut(new Money(100_000_000), payoutScript)], 0);
        var m6id = (await Rpc("receivewithdrawalbundle", (int)Slot, blinded.ToHex()))!["m6id"]!.GetValue<string>();
        await Mine(1);
        var bundles = (await Rpc("listwithdrawalbundles", (int)Slot))!.AsArray();
        bundles.Should().ContainSingle().Which!["m6id"]!.GetValue<string>().Should().Be(m6id);

        // Mine until the bundle is approved and paid (upvoted every block; paid once the tip shows acks > 5).
        string? withdrawalTxId = null;
        for (var i = 0; i < 12 && withdrawalTxId is null; i++)
        {
            await Mine(1);
            var history = (await Rpc("listtreasuryhistory", (int)Slot))!.AsArray();
            withdrawalTxId = history.FirstOrDefault(h => h!["kind"]!.GetValue<string>() == "withdrawal")?["txid"]!.GetValue<string>();
        }
        withdrawalTxId.Should().NotBeNull(_node.Output);
        (await Rpc("listwithdrawalbundles", (int)Slot))!.AsArray().Should().BeEmpty();
        var tipBlock = await Block(await Rpc("getbestblockhash"));
        var m6 = tipBlock["tx"]!.AsArray().Single(t => t!["txid"]!.GetValue<string>() == withdrawalTxId)!;
        m6["vout"]![0]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().Be("b4010151");
        m6["vout"]![0]!["value"]!.GetValue<decimal>().Should().Be(8.9999m);
        m6["vout"]![1]!["value"]!.GetValue<decimal>().Should().Be(1m);
        m6["vout"]![1]!["scriptPubKey"]!["address"]!.GetValue<string>().Should().Be(PayoutAddress);
        (await Rpc("getctip", (int)Slot))!["value"]!.GetValue<decimal>().Should().Be(8.9999m);
        (await Rpc("computem6id", m6.AsObject()["hex"]!.GetValue<string>(), 10m))!["m6id"]!.GetValue<string>().Should().Be(m6id);

        // A BMM request (M8) naming the tip; the next block accepts it with an M7.
        var h = "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2";
        var m8Script = (await Rpc("createbmmrequestscript", (int)Slot, h))!.GetValue<string>();
        var bmmTxId = await SignAndSend(
            new JsonArray(new JsonObject { ["txid"] = await CoinbaseTxId(2), ["vout"] = 0 }),
            new JsonArray(new JsonObject { [$"script:{m8Script}"] = 0m }, new JsonObject { [MinerAddress] = 49.99m }));
        var bmmBlock = await Block((await Mine(1))[0]);
        bmmBlock["tx"]!.AsArray().Select(t => t!["txid"]!.GetValue<string>()).Should().Contain(bmmTxId);
        var coinbaseMessages = new List<JsonObject>();
        foreach (var output in bmmBlock["tx"]![0]!["vout"]!.AsArray())
            coinbaseMessages.Add((await Rpc("decodedrivechainmessage", output!["scriptPubKey"]!["hex"]!.GetValue<string>()))!.AsObject());
        coinbaseMessages.Should().Contain(m => m["type"]!.GetValue<string>() == "M7"
            && m["slot"]!.GetValue<int>() == Slot && m["sidechain_block_hash"]!.GetValue<string>() == h);

        // The operator log tells the story.
        _node.Output.Should().Contain("Sidechain activated in slot 1").And.Contain("Deposit to slot 1: 1000000000 sat")
            .And.Contain($"Withdrawal bundle {m6id} of slot 1 paid out by {withdrawalTxId}");

        // Restart: same tip, same drivechain state, and the miner policy (a second received bundle) is kept.
        var secondBundle = new Transaction(2, [], [new TxOut(Money.Zero, new Script(feeScript)), new TxOut(new Money(50_000_000), payoutScript)], 0);
        var secondM6Id = (await Rpc("receivewithdrawalbundle", (int)Slot, secondBundle.ToHex()))!["m6id"]!.GetValue<string>();
        var tipHash = (await Rpc("getbestblockhash"))!.GetValue<string>();
        var sidechainsBefore = (await Rpc("listsidechains"))!.ToJsonString();
        var historyBefore = (await Rpc("listtreasuryhistory", (int)Slot))!.ToJsonString();
        (await _node.StopAsync()).Should().Be(0);
        File.Exists(Path.Combine(_dataDir, "regtest", ".cookie")).Should().BeFalse();
        await _node.DisposeAsync();

        _node = await NodeProcess.StartAsync(_dataDir);
        (await Rpc("getbestblockhash"))!.GetValue<string>().Should().Be(tipHash);
        (await Rpc("listsidechains"))!.ToJsonString().Should().Be(sidechainsBefore);
        (await Rpc("listtreasuryhistory", (int)Slot))!.ToJsonString().Should().Be(historyBefore);
        (await Rpc("getminerpolicy"))!["bundles"]!.AsArray().Should().ContainSingle()
            .Which!["m6id"]!.GetValue<string>().Should().Be(secondM6Id);
        await Mine(1);
        (await Rpc("listwithdrawalbundles", (int)Slot))!.AsArray().Should().ContainSingle()
            .Which!["m6id"]!.GetValue<string>().Should().Be(secondM6Id);
        (await _node.StopAsync()).Should().Be(0);
    }
}
