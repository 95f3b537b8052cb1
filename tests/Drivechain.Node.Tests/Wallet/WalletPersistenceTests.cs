using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>
/// The wallet's transactions live in its directory (transactions.jsonl): they survive a restart of the real node
/// process, our unmined ones go back into the (not persisted) mempool, and loading scans only the blocks after the
/// stored best block — or from the fork point when the chain reorganised below it.
/// </summary>
public sealed class WalletPersistenceTests : IAsyncLifetime   // xunit 2 calls IAsyncLifetime on test classes, not IAsyncDisposable
{
    private static readonly string External = RegtestDrivechainSteps.PayoutAddress;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("dc-wallet-persist-").FullName;
    private NodeProcess? _node;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private async Task<NodeProcess> StartAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        return _node = await NodeProcess.StartAsync(_dataDir, "--listen", "0");
    }

    private Task<JsonNode?> Rpc(string method, params object?[] args) => _node!.Rpc.CallAsync(method, args);

    [Fact]
    public async Task History_survives_a_restart_and_our_unmined_send_is_back_in_the_mempool_without_a_full_rescan()
    {
        await StartAsync();
        // createwallet wallet_name disable_private_keys blank passphrase avoid_reuse descriptors load_on_startup
        await Rpc("createwallet", "w", false, false, "", false, true, true);
        var address = (await Rpc("getnewaddress"))!.GetValue<string>();
        await Rpc("generatetoaddress", 101, address);
        var txid = (await Rpc("sendtoaddress", External, 1.5m))!.GetValue<string>();
        var history = (await Rpc("listtransactions", "*", 1000))!.ToJsonString();
        var pending = (await Rpc("gettransaction", txid))!.ToJsonString();
        var balances = (await Rpc("getbalances"))!.ToJsonString();
        (await _node!.StopAsync()).Should().Be(0);

        await StartAsync();

        await _node.WaitForOutputAsync("Wallet w loaded", TimeSpan.FromMinutes(1));
        // the stored best block (101) is on the active chain, so only blocks after it are scanned
        await _node.ShouldLogAsync("Wallet w loaded: 102 transactions, scanned blocks from height 102, synced to height 101, 1 unconfirmed transactions resubmitted");
        (await Rpc("listwallets"))!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("w");
        (await Rpc("getrawmempool"))!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(txid);
        (await Rpc("listtransactions", "*", 1000))!.ToJsonString().Should().Be(history);
        (await Rpc("gettransaction", txid))!.ToJsonString().Should().Be(pending);
        (await Rpc("getbalances"))!.ToJsonString().Should().Be(balances);

        await Rpc("generatetoaddress", 1, External);
        (await Rpc("gettransaction", txid))!["confirmations"]!.GetValue<int>().Should().Be(1);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(_dataDir, "regtest", "wallets", "w", "transactions.jsonl"))
                .Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_reorganisation_below_the_stored_best_block_is_undone_and_scanned_from_the_fork_point()
    {
        await StartAsync();
        await Rpc("createwallet", "w");
        var address = (await Rpc("getnewaddress"))!.GetValue<string>();
        await Rpc("generatetoaddress", 101, address);
        await Rpc("unloadwallet", "w");

        // While the wallet is unloaded, blocks 100 and 101 (paying it) are replaced by three blocks paying someone else.
        await Rpc("invalidateblock", (await Rpc("getblockhash", 100))!.GetValue<string>());
        await Rpc("generatetoaddress", 3, External);
        await Rpc("loadwallet", "w");

        await _node!.ShouldLogAsync("Wallet w loaded: 101 transactions, scanned blocks from height 100, synced to height 102");
        var balances = (await Rpc("getbalances"))!;
        balances["lastprocessedblock"]!["height"]!.GetValue<int>().Should().Be(102);
        balances["lastprocessedblock"]!["hash"]!.GetValue<string>().Should().Be((await Rpc("getbestblockhash"))!.GetValue<string>());
        // Coinbases 1..99 remain; at height 102 those of blocks 1 and 2 have more than 100 confirmations.
        balances["mine"]!["trusted"]!.GetValue<decimal>().Should().Be(100m);
        balances["mine"]!["immature"]!.GetValue<decimal>().Should().Be(97 * 50m);
    }
}
