using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>
/// The drivechain wallet RPCs against the real executable: M5 deposits built by the wallet are accepted by the
/// drivechain rules and move the slot's CTIP; an M8 pays its bid as the fee and is mined with the miner's M7.
/// </summary>
public sealed class WalletDrivechainEndToEndTests : RunningNodeTests
{
    private const int Slot = 1;
    private async Task<string> ActiveSidechainWithFundedWalletAsync()
    {
        await Rpc("createwallet", "miner");
        var address = (await Rpc("getnewaddress"))!.GetValue<string>();
        await Rpc("generatetoaddress", 101, address);
        await new RegtestDrivechainSteps(Node.Rpc).ProposeSidechainAsync(Slot, "Thunder", "wallet test");
        await Rpc("generatetoaddress", 7, address);
        (await Rpc("listsidechains"))!.AsArray().Should().ContainSingle();
        return address;
    }

    [Fact]
    public async Task Deposits_spend_the_ctip_put_the_treasury_first_and_the_address_second_with_the_exact_fee()
    {
        var address = await ActiveSidechainWithFundedWalletAsync();

        var first = (await Rpc("createsidechaindeposit", Slot, "sidechain-address-1", 10m, 0.0001m))!.GetValue<string>();
        var tx = (await Rpc("gettransaction", first, true, true))!;
        tx["fee"]!.GetValue<decimal>().Should().Be(-0.0001m);
        var outputs = tx["decoded"]!["vout"]!.AsArray();
        outputs[0]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().Be("b4010151");
        outputs[0]!["value"]!.GetValue<decimal>().Should().Be(10m);
        outputs[1]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().Be("6a13" + Convert.ToHexStringLower("sidechain-address-1"u8));
        await Rpc("generatetoaddress", 1, address);
        var ctip = (await Rpc("getctip", Slot))!;
        ctip["txid"]!.GetValue<string>().Should().Be(first);
        ctip["value"]!.GetValue<decimal>().Should().Be(10m);

        var second = (await Rpc("createsidechaindeposit", Slot, "sidechain-address-2", 5m))!.GetValue<string>();
        var inputs = (await Rpc("gettransaction", second, true, true))!["decoded"]!["vin"]!.AsArray();
        inputs[0]!["txid"]!.GetValue<string>().Should().Be(first, "the old CTIP is spent first");
        await Rpc("generatetoaddress", 1, address);
        ctip = (await Rpc("getctip", Slot))!;
        ctip["txid"]!.GetValue<string>().Should().Be(second);
        ctip["value"]!.GetValue<decimal>().Should().Be(15m);
        (await Rpc("listtreasuryhistory", Slot))!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_deposit_to_an_inactive_slot_is_refused_and_spends_nothing()
    {
        await ActiveSidechainWithFundedWalletAsync();
        var before = (await Rpc("getbalance"))!.GetValue<decimal>();

        (await Node.Rpc.CallErrorAsync("createsidechaindeposit", 7, "x", 1m)).Code.Should().Be(-8);

        (await Rpc("getbalance"))!.GetValue<decimal>().Should().Be(before);
        (await Rpc("getrawmempool"))!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_bmm_request_pays_its_bid_as_fee_and_is_mined_with_the_accepting_m7()
    {
        var address = await ActiveSidechainWithFundedWalletAsync();
        var hStar = new string('a', 64);

        (await Node.Rpc.CallErrorAsync("createbmmrequest", Slot, hStar, 0.001m, new string('0', 64))).Code.Should().Be(-8);
        var txid = (await Rpc("createbmmrequest", Slot, hStar, 0.001m, (await Rpc("getbestblockhash"))!.GetValue<string>()))!.GetValue<string>();
        var tx = (await Rpc("gettransaction", txid, true, true))!;
        tx["fee"]!.GetValue<decimal>().Should().Be(-0.001m);
        tx["decoded"]!["vout"]![0]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().StartWith("6a4400bf0001" + hStar);

        await Rpc("generatetoaddress", 1, address);

        (await Rpc("gettransaction", txid))!["confirmations"]!.GetValue<int>().Should().Be(1);
    }
}
