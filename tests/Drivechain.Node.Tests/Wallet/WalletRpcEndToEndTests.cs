using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>
/// Core's wallet RPCs against the real `drivechain node` executable: create, receive coinbases, send with change, fail
/// without changing anything, stay locked until unlocked, follow a reorganisation, and address wallets by /wallet/&lt;name&gt;.
/// </summary>
public sealed class WalletRpcEndToEndTests : RunningNodeTests
{
    private static readonly string External = RegtestDrivechainSteps.PayoutAddress;

    private static decimal Btc(JsonNode? node) => node!.GetValue<decimal>();

    private async Task<string> CreateFundedWalletAsync(string name, int blocks = 101)
    {
        (await Rpc("createwallet", name))!["name"]!.GetValue<string>().Should().Be(name);
        var address = (await Rpc("getnewaddress"))!.GetValue<string>();
        await Rpc("generatetoaddress", blocks, address);
        return address;
    }

    [Fact]
    public async Task Coinbases_mature_and_a_send_pays_the_destination_with_change_back_to_the_wallet()
    {
        var address = await CreateFundedWalletAsync("alice");
        address.Should().StartWith("bcrt1q");
        (await Rpc("getaddressinfo", address))!["ismine"]!.GetValue<bool>().Should().BeTrue();

        // 101 blocks: only the first coinbase has 101 confirmations (Core's wallet maturity).
        Btc(await Rpc("getbalance")).Should().Be(50m);
        var balances = (await Rpc("getbalances"))!["mine"]!;
        Btc(balances["trusted"]).Should().Be(50m);
        Btc(balances["immature"]).Should().Be(100 * 50m);

        var txid = (await Rpc("sendtoaddress", External, 10m))!.GetValue<string>();
        (await Rpc("getrawmempool"))!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain(txid);
        var pending = (await Rpc("gettransaction", txid))!;
        var fee = -Btc(pending["fee"]);
        fee.Should().BeGreaterThan(0m).And.BeLessThan(0.001m);
        pending["confirmations"]!.GetValue<int>().Should().Be(0);
        pending["bip125-replaceable"]!.GetValue<string>().Should().Be("yes");
        Btc(await Rpc("getbalance")).Should().Be(40m - fee, "the unconfirmed change of our own transaction is trusted");

        await Rpc("generatetoaddress", 1, External);

        (await Rpc("gettransaction", txid))!["confirmations"]!.GetValue<int>().Should().Be(1);
        Btc(await Rpc("getbalance")).Should().Be(90m - fee, "block 2's coinbase matured with the new block");
        var decoded = (await Rpc("gettransaction", txid, true, true))!["decoded"]!;
        decoded["vout"]!.AsArray().Should().Contain(o => o!["scriptPubKey"]!["address"]!.GetValue<string>() == External && Btc(o["value"]) == 10m);
        var sends = (await Rpc("listtransactions", "*", 200))!.AsArray().Where(e => e!["category"]!.GetValue<string>() == "send").ToList();
        sends.Should().ContainSingle().Which!["address"]!.GetValue<string>().Should().Be(External);
    }

    [Fact]
    public async Task A_payment_from_outside_waits_in_the_mempool_as_untrusted_pending_until_mined()
    {
        await CreateFundedWalletAsync("payer");
        await Rpc("createwallet", "payee");
        using var payee = Node.Rpc.ForWallet("payee");
        using var payer = Node.Rpc.ForWallet("payer");
        var address = (await payee.CallAsync("getnewaddress"))!.GetValue<string>();

        var txid = (await payer.CallAsync("sendtoaddress", address, 2m))!.GetValue<string>();

        var pending = (await payee.CallAsync("getbalances"))!["mine"]!;
        Btc(pending["untrusted_pending"]).Should().Be(2m);
        Btc(pending["trusted"]).Should().Be(0m);
        (await payee.CallAsync("listunspent", 0))!.AsArray().Should().ContainSingle().Which!["safe"]!.GetValue<bool>().Should().BeFalse();
        await Rpc("generatetoaddress", 1, External);
        Btc((await payee.CallAsync("getbalances"))!["mine"]!["trusted"]).Should().Be(2m);
        (await payee.CallAsync("gettransaction", txid))!["confirmations"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Insufficient_funds_is_error_minus_6_and_leaves_the_wallet_unchanged()
    {
        await CreateFundedWalletAsync("bob");
        var before = (await Rpc("listunspent"))!.ToJsonString();
        var info = (await Rpc("getwalletinfo"))!;

        var (code, _) = await Node.Rpc.CallErrorAsync("sendtoaddress", External, 51m);

        code.Should().Be(-6);
        (await Rpc("listunspent"))!.ToJsonString().Should().Be(before);
        (await Rpc("getwalletinfo"))!["txcount"]!.GetValue<int>().Should().Be(info["txcount"]!.GetValue<int>());
        (await Rpc("getrawmempool"))!.AsArray().Should().BeEmpty();
        Btc(await Rpc("getbalance")).Should().Be(50m);
    }

    [Fact]
    public async Task An_encrypted_wallet_spends_only_while_unlocked()
    {
        await Rpc("createwallet", "vault", false, false, "correct horse");
        var address = (await Rpc("getnewaddress"))!.GetValue<string>();
        await Rpc("generatetoaddress", 101, address);
        (await Rpc("getwalletinfo"))!["unlocked_until"]!.GetValue<long>().Should().Be(0);

        (await Node.Rpc.CallErrorAsync("sendtoaddress", External, 1m)).Code.Should().Be(-13);
        (await Node.Rpc.CallErrorAsync("walletpassphrase", "wrong", 60)).Code.Should().Be(-14);
        (await Node.Rpc.CallErrorAsync("listdescriptors", true)).Code.Should().Be(-13);

        await Rpc("walletpassphrase", "correct horse", 600);
        (await Rpc("getwalletinfo"))!["unlocked_until"]!.GetValue<long>().Should().BeGreaterThan(0);
        var txid = (await Rpc("sendtoaddress", External, 1m))!.GetValue<string>();
        (await Rpc("getrawmempool"))!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain(txid);
        (await Rpc("listdescriptors", true))!["descriptors"]![0]!["desc"]!.GetValue<string>().Should().Contain("tprv");

        await Rpc("walletlock");
        (await Node.Rpc.CallErrorAsync("sendtoaddress", External, 1m)).Code.Should().Be(-13);
    }

    [Fact]
    public async Task Balance_follows_invalidateblock_and_reconsiderblock()
    {
        await CreateFundedWalletAsync("carol", blocks: 102);
        Btc(await Rpc("getbalance")).Should().Be(100m);
        var tip = (await Rpc("getbestblockhash"))!.GetValue<string>();

        await Rpc("invalidateblock", tip);
        Btc(await Rpc("getbalance")).Should().Be(50m, "the disconnected block's coinbase and the maturity it brought are undone");
        Btc((await Rpc("getbalances"))!["mine"]!["immature"]).Should().Be(100 * 50m);

        await Rpc("reconsiderblock", tip);
        Btc(await Rpc("getbalance")).Should().Be(100m);
        (await Rpc("getwalletinfo"))!["lastprocessedblock"]!["hash"]!.GetValue<string>().Should().Be(tip);
    }

    [Fact]
    public async Task Requests_reach_the_wallet_named_in_the_path_and_are_refused_when_ambiguous()
    {
        (await Node.Rpc.CallErrorAsync("getbalance")).Code.Should().Be(-18);
        await Rpc("createwallet", "one");
        await Rpc("createwallet", "two");
        using var one = Node.Rpc.ForWallet("one");
        using var missing = Node.Rpc.ForWallet("nope");

        (await Node.Rpc.CallErrorAsync("getnewaddress")).Code.Should().Be(-19);
        (await missing.CallErrorAsync("getbalance")).Code.Should().Be(-18);
        var address = (await one.CallAsync("getnewaddress"))!.GetValue<string>();
        (await one.CallAsync("getaddressinfo", address))!["ismine"]!.GetValue<bool>().Should().BeTrue();
        using var two = Node.Rpc.ForWallet("two");
        (await two.CallAsync("getaddressinfo", address))!["ismine"]!.GetValue<bool>().Should().BeFalse();
        (await Rpc("listwallets"))!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("one", "two");
        (await Node.Rpc.CallErrorAsync("createwallet", "one")).Code.Should().Be(-36);

        await two.CallAsync("unloadwallet");
        (await Rpc("getwalletinfo"))!["walletname"]!.GetValue<string>().Should().Be("one");
        await Rpc("loadwallet", "two");
        (await Rpc("listwallets"))!.AsArray().Should().HaveCount(2);
    }
}
