using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Drivechain.Dashboard.Tests;

/// <summary>
/// One real regtest node (the <c>drivechain</c> executable) taken through a drivechain life cycle over JSON-RPC with
/// <see cref="RegtestDrivechainSteps"/>, and one headless Chromium: two sidechains activated (slots 1 and 2), deposits to both,
/// a bundle of slot 1 paid out, a bundle of slot 2 still collecting votes, a BMM request accepted, and a proposal for slot 3
/// still collecting ACKs. The tests read the page and compare it with what the RPCs say.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const int PaidSlot = 1;
    public const int PendingBundleSlot = 2;
    public const int ProposedSlot = 3;
    public const string BmmHash = "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "drivechain-dashboard", Guid.NewGuid().ToString("N"));

    public NodeProcess Node { get; private set; } = null!;
    public DashboardBrowser Browser { get; private set; } = null!;
    public Uri Dashboard { get; private set; } = null!;
    public RegtestDrivechainSteps Steps { get; private set; } = null!;
    public string PaidM6Id { get; private set; } = "";
    public string PendingM6Id { get; private set; } = "";
    public string PayoutTxId { get; private set; } = "";
    public int BmmHeight { get; private set; }

    /// <summary>Uncaught script errors of the pages opened (a test that fails shows them).</summary>
    public List<string> PageErrors { get; } = [];

    public async Task InitializeAsync()
    {
        Browser = await DashboardBrowser.LaunchAsync();   // first: no browser, no node started for nothing
        Node = await NodeProcess.StartAsync(_dataDir);
        Dashboard = await Node.DashboardAddress.WaitAsync(TimeSpan.FromMinutes(1));
        Steps = new RegtestDrivechainSteps(Node.Rpc);

        await Steps.MineAsync(107);                       // coinbases 1-7 mature
        await Steps.ProposeSidechainAsync(PaidSlot, "Thunder", "A payments sidechain");
        await Steps.ProposeSidechainAsync(PendingBundleSlot, "zSide", "A privacy sidechain");
        await Steps.MineAsync(7);                         // M1, then ACKs until both activate
        await Steps.DepositAsync(PaidSlot, coinbaseHeight: 1, 10m, "thunder-addr-1");
        await Steps.DepositAsync(PendingBundleSlot, coinbaseHeight: 2, 5m, "zside-addr-1");
        await Steps.MineAsync(1);
        await Steps.DepositAsync(PaidSlot, coinbaseHeight: 3, 3m, "thunder-addr-2");
        await Steps.MineAsync(1);

        PaidM6Id = await Steps.ReceiveBundleAsync(PaidSlot, RegtestDrivechainSteps.BlindedBundle(100_000_000, 10_000));
        PayoutTxId = await Steps.MineUntilPaidAsync(PaidSlot, maxBlocks: 12)
            ?? throw new InvalidOperationException($"the bundle was not paid out:\n{Node.Output}");

        await Steps.SendBmmRequestAsync(PaidSlot, BmmHash, coinbaseHeight: 4, bid: 0.01m);
        PendingM6Id = await Steps.ReceiveBundleAsync(PendingBundleSlot, RegtestDrivechainSteps.BlindedBundle(50_000_000, 10_000));
        await Steps.MineAsync(1);                         // M7 for the BMM request, M3 for the second bundle
        BmmHeight = await HeightAsync();
        await Steps.ProposeSidechainAsync(ProposedSlot, "Pending", "Still collecting ACKs");
        await Steps.MineAsync(2);                         // M1, one ACK: the proposal stays pending, the bundle gets a vote

        // Three transactions left in the mempool at different fee rates, for the fee histogram.
        foreach (var (height, fee) in new[] { (5, 0.00002m), (6, 0.0001m), (7, 0.0005m) })
            await Steps.SignAndSendAsync(
                new JsonArray(new JsonObject { ["txid"] = await Steps.CoinbaseTxIdAsync(height), ["vout"] = 0 }),
                new JsonArray(new JsonObject { [RegtestDrivechainSteps.MinerAddress] = RegtestDrivechainSteps.Subsidy - fee }));
    }

    public async Task<int> HeightAsync() => (await Steps.Rpc("getblockcount"))!.GetValue<int>();

    public async Task<JsonArray> RpcArrayAsync(string method, params object?[] args) => (await Steps.Rpc(method, args))!.AsArray();

    /// <summary>A page at 1280×800 (or the size given) on <paramref name="path"/>, after the first render showed the current tip.</summary>
    public async Task<IPage> OpenAsync(string path = "/", int width = 1280, int height = 800)
    {
        var page = await Browser.NewPageAsync(width, height);
        page.PageError += (_, error) => { lock (PageErrors) PageErrors.Add(error); };
        var response = await page.GotoAsync(new Uri(Dashboard, path).ToString());
        response!.Status.Should().Be(200, Node.Output);
        try
        {
            await Assertions.Expect(page.Locator("#tip-height")).ToHaveTextAsync((await HeightAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"the page did not show the tip: {e.Message}\nscript errors: {string.Join("\n", PageErrors)}\nnode log:\n{Node.Output}", e);
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (Node is not null) await Node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
