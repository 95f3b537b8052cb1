using Microsoft.Playwright;

namespace Drivechain.Dashboard.Tests;

/// <summary>
/// A real headless Chromium driven by Playwright: Debian's <c>/usr/bin/chromium</c> (or <c>DRIVECHAIN_CHROMIUM</c>), never a
/// downloaded browser. A missing browser is a failure with a message, not a skip: CI installs chromium.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("DRIVECHAIN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium is not installed at {path}: the dashboard tests need a real browser. Install it (Debian: apt-get install chromium) " +
                "or set DRIVECHAIN_CHROMIUM to a Chromium executable.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],   // we run as root in a container
        });
        return new DashboardBrowser(playwright, browser);
    }

    /// <summary>A fresh page of <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
