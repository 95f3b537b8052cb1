using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace Drivechain.Dashboard.Tests;

/// <summary>What the dashboard page shows in a real Chromium, compared with the node's own RPC answers.</summary>
public sealed class DashboardPageTests(DashboardFixture node) : IClassFixture<DashboardFixture>
{
    private static string Btc(decimal value) => value.ToString("0.00000000", CultureInfo.InvariantCulture) + " BTC";

    [Fact]
    public async Task Slot_grid_shows_two_active_sidechains_one_proposal_and_the_free_slots()
    {
        var page = await node.OpenAsync();

        (await page.Locator("#slot-grid [data-state=active]").CountAsync()).Should().Be(2);
        (await page.Locator("#slot-grid [data-state=proposed]").CountAsync()).Should().Be(1);
        (await page.Locator("#slot-grid [data-state=free]").CountAsync()).Should().Be(253);
        (await page.Locator("#slot-grid [data-slot='1']").GetAttributeAsync("data-state")).Should().Be("active");
        (await page.Locator("#slot-grid [data-slot='2']").GetAttributeAsync("data-state")).Should().Be("active");
        (await page.Locator("#slot-grid [data-slot='3']").GetAttributeAsync("data-state")).Should().Be("proposed");
        (await page.Locator("#slot-grid [data-slot='1']").GetAttributeAsync("aria-label")).Should().Be("Slot 1: active");
        (await page.Locator("#slot-summary").InnerTextAsync()).Should().Be("2 active · 1 proposed · 253 free");
    }

    [Theory]
    [InlineData(DashboardFixture.PaidSlot, "Thunder")]
    [InlineData(DashboardFixture.PendingBundleSlot, "zSide")]
    public async Task Sidechain_card_shows_title_ctip_and_treasury_history_of_the_slot(int slot, string title)
    {
        var ctip = (await node.Steps.Rpc("getctip", slot))!.AsObject();
        var history = await node.RpcArrayAsync("listtreasuryhistory", slot);
        var page = await node.OpenAsync();
        var card = page.Locator($"[data-testid=sidechain-{slot}]");

        (await card.Locator("h4").InnerTextAsync()).Should().Be($"Slot {slot} · {title}");
        (await card.Locator("[data-field=ctip]").InnerTextAsync()).Should().Be($"{ctip["txid"]}:{ctip["vout"]}");
        (await card.Locator("[data-field=ctip-value]").InnerTextAsync()).Should().Be(Btc(ctip["value"]!.GetValue<decimal>()));
        (await card.Locator("tbody tr").CountAsync()).Should().Be(history.Count);
        (await card.Locator("svg[role=img]").GetAttributeAsync("aria-label")).Should().Be($"Treasury of slot {slot} over height (BTC)");
    }

    [Fact]
    public async Task Paid_slot_lists_two_deposits_and_the_withdrawal_and_charts_each_step()
    {
        var page = await node.OpenAsync();
        var card = page.Locator($"[data-testid=sidechain-{DashboardFixture.PaidSlot}]");

        (await card.Locator("tbody tr[data-kind=deposit]").CountAsync()).Should().Be(2);
        (await card.Locator("tbody tr[data-kind=withdrawal]").CountAsync()).Should().Be(1);
        (await card.Locator("tbody tr[data-kind=withdrawal] td.num").First.InnerTextAsync()).Should().Be("−1.00010000");
        (await card.Locator("svg path.line").GetAttributeAsync("d")).Should().MatchRegex("^M[^M]*V[^M]*V[^M]*V");   // three steps: +10, +3, −1.0001
    }

    [Fact]
    public async Task Proposal_shows_its_acks_against_the_threshold_and_the_blocks_left()
    {
        var proposal = (await node.RpcArrayAsync("listsidechainproposals")).Single(p => p!["slot"]!.GetValue<int>() == DashboardFixture.ProposedSlot)!;
        var acks = proposal["acks"]!.GetValue<int>();
        var needed = proposal["activation_threshold"]!.GetValue<int>() + 1;
        var page = await node.OpenAsync();
        var item = page.Locator($"[data-testid=proposal-{DashboardFixture.ProposedSlot}]");

        (await item.Locator("[data-field=acks]").InnerTextAsync()).Should().Be($"{acks} / {needed}");
        (await item.Locator("[data-field=blocks-remaining]").InnerTextAsync())
            .Should().Be($"{proposal["blocks_remaining"]} of {proposal["max_age"]}");
        var bar = item.Locator("[role=progressbar]").First;
        (await bar.GetAttributeAsync("aria-valuenow")).Should().Be(acks.ToString(CultureInfo.InvariantCulture));
        (await bar.GetAttributeAsync("aria-valuemax")).Should().Be(needed.ToString(CultureInfo.InvariantCulture));
        acks.Should().BeLessThan(needed, "the fixture leaves the proposal pending");
    }

    [Fact]
    public async Task Bundles_show_the_paid_one_and_the_votes_of_the_pending_one()
    {
        var pending = (await node.RpcArrayAsync("listwithdrawalbundles")).Single()!;
        var needed = pending["inclusion_threshold"]!.GetValue<int>() + 1;
        var page = await node.OpenAsync();

        var paid = page.Locator($"[data-testid=bundle-{node.PaidM6Id}]");
        (await paid.GetAttributeAsync("data-status")).Should().Be("paid");
        (await paid.Locator("[data-field=status]").InnerTextAsync()).Should().Be("paid");
        (await paid.Locator("[data-field=acks]").InnerTextAsync()).Should().Be($"{needed} / {needed}", "paid once the ACKs exceeded the threshold");

        pending["m6id"]!.GetValue<string>().Should().Be(node.PendingM6Id);
        var open = page.Locator($"[data-testid=bundle-{node.PendingM6Id}]");
        (await open.GetAttributeAsync("data-status")).Should().Be(pending["approved"]!.GetValue<bool>() ? "approved" : "pending");
        (await open.Locator("[data-field=acks]").InnerTextAsync()).Should().Be($"{pending["acks"]} / {needed}");
        (await open.Locator("[data-field=blocks-remaining]").InnerTextAsync()).Should().Be(pending["blocks_remaining"]!.ToString());
        (await open.Locator("svg line.threshold").CountAsync()).Should().Be(1);
        (await open.Locator("svg").InnerHTMLAsync()).Should().Contain($"threshold {pending["inclusion_threshold"]}");
        (await page.Locator("#m4-list tbody tr").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("#m4-list").InnerTextAsync()).Should().Contain($"slot {DashboardFixture.PendingBundleSlot}: upvote");
    }

    [Fact]
    public async Task Bmm_section_shows_the_accepted_request_with_its_winning_bid()
    {
        var page = await node.OpenAsync();
        var row = page.Locator($"#bmm-list tr[data-testid=bmm-{node.BmmHeight}][data-slot='{DashboardFixture.PaidSlot}']");

        (await row.CountAsync()).Should().Be(1);
        (await row.InnerTextAsync()).Should().Contain(DashboardFixture.BmmHash).And.Contain("0.01000000 BTC");
    }

    [Fact]
    public async Task Block_detail_decodes_the_drivechain_messages_of_the_block()
    {
        var page = await node.OpenAsync($"/block/{node.BmmHeight}");
        var table = page.Locator("[data-testid=block-messages]");
        await Assertions.Expect(table).ToBeVisibleAsync();

        (await page.Locator("#block-title").InnerTextAsync()).Should().Be($"Block {node.BmmHeight}");
        (await table.Locator("tr[data-type=M7]").InnerTextAsync()).Should().Contain(DashboardFixture.BmmHash);
        (await table.Locator("tr[data-type=M8]").InnerTextAsync()).Should().Contain(DashboardFixture.BmmHash);
        (await table.Locator("tr[data-type=M3]").InnerTextAsync()).Should().Contain(node.PendingM6Id);
    }

    [Fact]
    public async Task A_newly_mined_block_appears_without_a_reload()
    {
        var page = await node.OpenAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        var hash = (await node.Steps.MineAsync(1))[0]!.GetValue<string>();
        var height = await node.HeightAsync();

        await Assertions.Expect(page.Locator("#tip-height")).ToHaveTextAsync(height.ToString(CultureInfo.InvariantCulture));
        (await page.Locator("#tip-hash").GetAttributeAsync("title")).Should().Be(hash);
        (await page.EvaluateAsync<bool>("() => window.sameDocument === true")).Should().BeTrue("the page was updated, not reloaded");
        (await page.EvaluateAsync<int>("() => window.dashboardTimings.filter(t => t.type === 'connected').length")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Invalidated_tip_leaves_the_page_and_the_vote_history_and_returns_on_reconsider()
    {
        using var http = new HttpClient { BaseAddress = node.Dashboard };
        async Task<int> VotesAsync() =>
            System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/bundles"))!["bundles"]!.AsArray()
                .Single(b => b!["m6id"]!.GetValue<string>() == node.PendingM6Id)!["votes"]!.AsArray().Count;
        var page = await node.OpenAsync();
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
        var height = await node.HeightAsync();
        var tip = (await node.Steps.Rpc("getbestblockhash"))!.GetValue<string>();
        var votes = await VotesAsync();

        await node.Steps.Rpc("invalidateblock", tip);
        await Assertions.Expect(page.Locator("#tip-height")).ToHaveTextAsync((height - 1).ToString(CultureInfo.InvariantCulture));
        (await VotesAsync()).Should().Be(votes - 1, "the disconnected block's vote left the history");

        await node.Steps.Rpc("reconsiderblock", tip);
        await Assertions.Expect(page.Locator("#tip-height")).ToHaveTextAsync(height.ToString(CultureInfo.InvariantCulture));
        (await page.Locator("#tip-hash").GetAttributeAsync("title")).Should().Be(tip);
        (await VotesAsync()).Should().Be(votes);
    }

    [Theory]
    [InlineData("/block/999999", "No block 999999 is known to this node.")]
    [InlineData("/block/0000000000000000000000000000000000000000000000000000000000000000", "No block 0000000000000000000000000000000000000000000000000000000000000000 is known to this node.")]
    [InlineData("/sidechain/7", "No active sidechain in slot 7.")]
    [InlineData("/sidechain/300", "No active sidechain in slot 300.")]
    [InlineData("/sidechain/abc", "No active sidechain in slot abc.")]
    [InlineData("/nowhere", "There is no such page.")]
    public async Task Unknown_block_slot_or_page_gives_a_404_page(string path, string reason)
    {
        var page = await node.Browser.NewPageAsync();
        var response = await page.GotoAsync(new Uri(node.Dashboard, path).ToString());

        response!.Status.Should().Be(404, node.Node.Output);
        (await page.Locator("h2").InnerTextAsync()).Should().Be("404 · Not found");
        (await page.Locator("[data-testid=not-found-reason]").InnerTextAsync()).Should().Be(reason);
    }

    [Fact]
    public async Task Api_is_read_only_and_answers_unknown_ids_with_404()
    {
        using var http = new HttpClient { BaseAddress = node.Dashboard };

        (await http.PostAsync("/api/overview", null)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await http.DeleteAsync("/api/blocks/1")).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await http.GetAsync("/api/blocks/not-a-block")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync("/api/sidechains/9")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var sidechain = await http.GetAsync($"/api/sidechains/{DashboardFixture.PaidSlot}");
        sidechain.StatusCode.Should().Be(HttpStatusCode.OK);
        (await sidechain.Content.ReadAsStringAsync()).Should().Contain("\"treasury_chart\"");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Page_fits_the_screen_width_without_horizontal_scrolling(int width, int height)
    {
        var page = await node.OpenAsync(width: width, height: height);

        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(width);
        await Assertions.Expect(page.Locator($"[data-testid=sidechain-{DashboardFixture.PaidSlot}]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_chart_and_progress_bar_has_an_accessible_label()
    {
        var page = await node.OpenAsync();

        var charts = await page.Locator("svg").CountAsync();
        charts.Should().BeGreaterThanOrEqualTo(5, "fee histogram, two treasuries, two bundles");
        (await page.Locator("svg[role=img][aria-label]").CountAsync()).Should().Be(charts);
        var bars = await page.Locator("[role=progressbar]").CountAsync();
        bars.Should().BeGreaterThanOrEqualTo(3);
        (await page.Locator("[role=progressbar][aria-label][aria-valuenow]").CountAsync()).Should().Be(bars);
        (await page.Locator("section[aria-labelledby]").CountAsync()).Should().Be(6);
    }
}
