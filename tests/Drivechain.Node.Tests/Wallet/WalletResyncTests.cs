using Drivechain.Node.Tests.Hosting;
using Drivechain.Node.Wallet;
using Microsoft.Extensions.DependencyInjection;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>A wallet that falls behind the tip-change stream is dropped, resubscribes and rescans to the same answer.</summary>
public sealed class WalletResyncTests
{
    [Fact]
    public async Task A_dropped_subscription_rescans_and_matches_a_fresh_load()
    {
        await using var node = await InProcessNode.StartAsync();
        var wallets = node.Host.Services.GetRequiredService<WalletManager>();
        await node.Rpc.CallAsync("createwallet", "w");
        var address = (await node.Rpc.CallAsync("getnewaddress"))!.GetValue<string>();

        // With the background drain held and no wallet request, more blocks than the buffer holds are connected.
        var blocks = WalletManager.SubscriptionCapacity + 10;
        using (wallets.PauseBackground())
            await node.Rpc.CallAsync("generatetoaddress", blocks, address);

        var balances = (await node.Rpc.CallAsync("getbalances"))!;
        wallets.Resyncs.Should().Be(1);
        balances["lastprocessedblock"]!["height"]!.GetValue<int>().Should().Be(blocks);
        (await node.Rpc.CallAsync("getwalletinfo"))!["txcount"]!.GetValue<int>().Should().Be(blocks);
        var unspent = (await node.Rpc.CallAsync("listunspent"))!.ToJsonString();
        await node.Rpc.CallAsync("unloadwallet", "w");
        await node.Rpc.CallAsync("loadwallet", "w");
        (await node.Rpc.CallAsync("getbalances"))!.ToJsonString().Should().Be(balances.ToJsonString());
        (await node.Rpc.CallAsync("listunspent"))!.ToJsonString().Should().Be(unspent);
    }
}
