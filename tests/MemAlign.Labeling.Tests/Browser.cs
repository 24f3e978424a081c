using Microsoft.Playwright;

namespace MemAlign.Labeling.Tests;

/// <summary>
/// One headless Debian chromium for every browser test (Playwright drives it; it never downloads a browser). Where
/// chromium is missing the tests fail and say how to install it: a skipped browser test would hide the app untested.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The labeling app's browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container: no sandbox; no GPU; /dev/shm may be small.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile (its own cookies), as a second reviewer on another machine would have.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
