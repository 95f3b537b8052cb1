using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Drivechain.Dashboard.Tests;

/// <summary>
/// Screenshots of every section (docs/images/dashboard-*.png) and the closing-note figures: page weight on first load and
/// the time from a block's connection in the node to the page showing it. PNGs go to <c>DRIVECHAIN_DASHBOARD_SCREENSHOTS</c>
/// when set (the docs are refreshed with it pointing at docs/images), else to the test's output folder.
/// </summary>
public sealed class DashboardScreenshotTests(DashboardFixture node, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static string Folder =>
        Environment.GetEnvironmentVariable("DRIVECHAIN_DASHBOARD_SCREENSHOTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>One test: the screenshots must show the fixture's state before the latency figures mine more blocks.</summary>
    [Fact]
    public async Task Every_section_is_captured_then_page_weight_and_block_to_page_latency_are_measured()
    {
        await CaptureSectionsAsync();
        await MeasureAsync();
    }

    private async Task CaptureSectionsAsync()
    {
        Directory.CreateDirectory(Folder);
        var page = await node.OpenAsync();
        var overview = Path.Combine(Folder, "dashboard-overview.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = overview });   // the 1280×800 viewport
        var shots = new List<string> { overview };
        foreach (var section in new[] { "chain", "sidechains", "proposals", "bundles", "bmm" })
            shots.Add(await ShootAsync(page.Locator($"#{section}"), $"dashboard-{section}.png"));
        await page.CloseAsync();

        var block = await node.OpenAsync($"/block/{node.BmmHeight}");
        await Assertions.Expect(block.Locator("[data-testid=block-messages]")).ToBeVisibleAsync();
        shots.Add(await ShootAsync(block.Locator("#block-detail"), "dashboard-block.png"));

        var phone = await node.OpenAsync(width: 390, height: 844);
        var phonePath = Path.Combine(Folder, "dashboard-phone.png");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = phonePath });
        shots.Add(phonePath);

        foreach (var shot in shots)
        {
            var bytes = await File.ReadAllBytesAsync(shot);
            bytes.Length.Should().BeGreaterThan(1000, shot);
            bytes[..4].Should().Equal([0x89, 0x50, 0x4e, 0x47], "{0} is a PNG", shot);
            output.WriteLine(shot);
        }
    }

    private async Task MeasureAsync()
    {
        var page = await node.OpenAsync();
        var bytes = await page.EvaluateAsync<long>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0)");
        var resources = await page.EvaluateAsync<string>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name.replace(location.origin, '') + ' ' + e.transferSize).join(', ')");
        bytes.Should().BeGreaterThan(0);
        output.WriteLine($"First load: {bytes} bytes transferred ({resources})");

        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");
        var latencies = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            await node.Steps.MineAsync(1);
            var height = (await node.HeightAsync()).ToString(CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator("#tip-height")).ToHaveTextAsync(height);
            latencies.Add(await page.EvaluateAsync<long>(
                "h => { const t = window.dashboardTimings.filter(x => x.type === 'connected' && x.height === h).pop(); return t.shown_ms - t.node_time_ms; }",
                int.Parse(height, CultureInfo.InvariantCulture)));
        }
        latencies.Should().HaveCount(5).And.OnlyContain(ms => ms >= 0);
        output.WriteLine($"Block connected -> page shows it: {string.Join(", ", latencies)} ms (median {latencies.Order().ElementAt(2)} ms)");
    }

    private static async Task<string> ShootAsync(ILocator section, string file)
    {
        var path = Path.Combine(Folder, file);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        return path;
    }
}
