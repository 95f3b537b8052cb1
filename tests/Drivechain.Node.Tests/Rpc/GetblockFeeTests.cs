namespace Drivechain.Node.Tests.Rpc;

/// <summary>getblock verbosity 2 reports each transaction's fee from the block's undo data, as Core does.</summary>
public sealed class GetblockFeeTests : IAsyncLifetime
{
    private RegtestScenario _s = null!;

    public async Task InitializeAsync() => _s = await RegtestScenario.StartAsync(blocks: 101);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Verbosity_2_shows_the_fee_of_each_spend_and_none_for_the_coinbase()
    {
        var parent = await _s.SignedSpend(1, RegtestScenario.PayBack(49.999m));           // fee 0.001 BTC
        var parentId = (await _s.Rpc.CallAsync("sendrawtransaction", parent))!.GetValue<string>();
        var child = await _s.SignedSpendOf(parentId, 49.999m, RegtestScenario.PayBack(49.9985m)); // spends in-block, fee 0.0005
        await _s.Rpc.CallAsync("sendrawtransaction", child);
        await _s.Mine(1);

        var block = await _s.Block(await _s.TipHash());

        var txs = block["tx"]!.AsArray();
        txs.Should().HaveCount(3);
        txs[0]!.AsObject().ContainsKey("fee").Should().BeFalse();
        txs[1]!["fee"]!.GetValue<decimal>().Should().Be(0.001m);
        txs[2]!["fee"]!.GetValue<decimal>().Should().Be(0.0005m);
    }
}
