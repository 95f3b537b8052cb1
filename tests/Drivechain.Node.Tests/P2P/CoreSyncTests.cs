using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// The node's P2P layer against the real Bitcoin Core, both as real processes on loopback: our node syncs Core's chain
/// over a v2 session it opens, and Core syncs the chain our node mines over a connection Core opens.
/// </summary>
public sealed class CoreSyncTests : IDisposable
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-p2p-").FullName;

    [BitcoindFact]
    public async Task Our_node_connected_to_core_syncs_cores_chain_with_wallet_transactions_over_v2_and_the_same_utxo_set()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        await core.GenerateToAddressAsync(101, address);
        foreach (var type in new[] { "bech32", "bech32m", "legacy", "p2sh-segwit" })
        {
            var to = (await core.WalletCallAsync("w", "getnewaddress", "", type)).GetString();
            await core.WalletCallAsync("w", "sendtoaddress", to, 1.5m);
            await core.GenerateToAddressAsync(1, address);
        }
        await core.GenerateToAddressAsync(15, address);
        var tip = await core.GetBestBlockHashAsync();
        (await core.GetBlockCountAsync()).Should().Be(120);

        await using var node = await NodeProcess.StartAsync(_dataDir, "--connect", core.P2pEndpoint);
        await node.WaitForOutputAsync($"Block {tip} accepted at height 120", SyncTimeout);

        (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
        (await node.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>().Should().Be(1);
        var ours = (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Should().ContainSingle().Subject!;
        var theirs = (await core.CallAsync("getpeerinfo")).EnumerateArray().Should().ContainSingle().Subject;
        ours["inbound"]!.GetValue<bool>().Should().BeFalse();
        ours["transport_protocol_type"]!.GetValue<string>().Should().Be("v2");
        ours["session_id"]!.GetValue<string>().Should().Be(theirs.GetProperty("session_id").GetString()).And.HaveLength(64);
        ours["synced_blocks"]!.GetValue<int>().Should().Be(120);
        ours["subver"]!.GetValue<string>().Should().Contain("Satoshi");
        theirs.GetProperty("transport_protocol_type").GetString().Should().Be("v2");
        theirs.GetProperty("subver").GetString().Should().Be("/Drivechain.NET:0.1.0/");
        // Per-message wire bytes (framing included): what one side sent of a type is what the other received.
        foreach (var type in new[] { "version", "verack", "headers", "block" })
        {
            ours["bytesrecv_per_msg"]![type]!.GetValue<long>().Should().Be(theirs.GetProperty("bytessent_per_msg").GetProperty(type).GetInt64(), type);
            if (type is "version" or "verack")
                ours["bytessent_per_msg"]![type]!.GetValue<long>().Should().Be(theirs.GetProperty("bytesrecv_per_msg").GetProperty(type).GetInt64(), type);
        }
        ours["bytesrecv_per_msg"]!.AsObject().Sum(p => p.Value!.GetValue<long>()).Should().BeLessThanOrEqualTo(ours["bytesrecv"]!.GetValue<long>());

        // The same UTXO set: Core's hash_serialized_3 and statistics, computed by each side.
        var ourSet = (await node.Rpc.CallAsync("gettxoutsetinfo"))!;
        var coreSet = await core.CallAsync("gettxoutsetinfo");
        ourSet["bestblock"]!.GetValue<string>().Should().Be(tip);
        ourSet["hash_serialized_3"]!.GetValue<string>().Should().Be(coreSet.GetProperty("hash_serialized_3").GetString());
        ourSet["txouts"]!.GetValue<long>().Should().Be(coreSet.GetProperty("txouts").GetInt64());
        ourSet["transactions"]!.GetValue<long>().Should().Be(coreSet.GetProperty("transactions").GetInt64());
        ourSet["bogosize"]!.GetValue<long>().Should().Be(coreSet.GetProperty("bogosize").GetInt64());
        ourSet["total_amount"]!.GetValue<decimal>().Should().Be(coreSet.GetProperty("total_amount").GetDecimal());
    }

    [BitcoindFact]
    public async Task Core_connected_to_our_node_syncs_the_blocks_our_node_mines()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var mined = (await node.Rpc.CallAsync("generatetoaddress", 105, "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"))!.AsArray();
        await using var core = await BitcoindProcess.StartAsync();

        await core.CallAsync("addnode", $"127.0.0.1:{node.P2pPort}", "onetry");
        await WaitForCoreTipAsync(core, mined[^1]!.GetValue<string>());

        // A block mined while connected is announced (headers) and fetched.
        var next = (await node.Rpc.CallAsync("generatetoaddress", 1, "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"))!.AsArray()[0]!.GetValue<string>();
        await WaitForCoreTipAsync(core, next);
        (await core.GetBlockCountAsync()).Should().Be(106);
        var peer = (await core.CallAsync("getpeerinfo")).EnumerateArray().Should().ContainSingle().Subject;
        peer.GetProperty("transport_protocol_type").GetString().Should().Be("v2");
        peer.GetProperty("inbound").GetBoolean().Should().BeFalse();
        (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Should().ContainSingle().Which!["inbound"]!.GetValue<bool>().Should().BeTrue();
    }

    [BitcoindFact]
    public async Task A_block_from_core_that_breaks_a_drivechain_rule_is_rejected_and_core_is_disconnected()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var good = (await core.GenerateToAddressAsync(1, await core.CreateWalletAsync()))[0];
        await using var node = await NodeProcess.StartAsync(_dataDir, "--connect", core.P2pEndpoint);
        await node.WaitForOutputAsync($"Block {good} accepted at height 1", SyncTimeout);

        // Valid Bitcoin (Core mines it), but its coinbase proposes a bundle for a sidechain that does not exist.
        var m3 = new M3ProposeBundle(7, new M6Id(UInt256.Parse(new string('1', 64)))).ToScript();
        var bad = (await core.CallAsync("generateblock", $"raw({Convert.ToHexStringLower(m3.Memory.Span)})", Array.Empty<string>()))
            .GetProperty("hash").GetString()!;

        await node.WaitForOutputAsync($"sent invalid block {bad} (M3_INACTIVE_SIDECHAIN", SyncTimeout);
        (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(good);
        (await core.GetBestBlockHashAsync()).Should().Be(bad);
        node.Output.Should().MatchRegex("disconnected: misbehaved on '(block|cmpctblock)'");   // the block may come as a compact block
    }

    /// <summary>Core's waitforblock (blocks until the hash is its tip, or the timeout); fails with Core's tip when it is not.</summary>
    private static async Task WaitForCoreTipAsync(BitcoindProcess core, string hash)
    {
        var result = await core.CallAsync("waitforblock", hash, (int)SyncTimeout.TotalMilliseconds);
        result.GetProperty("hash").GetString().Should().Be(hash, "Core should reach our tip");
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
