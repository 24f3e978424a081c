using MemAlign.Testing;
using Microsoft.Playwright;

namespace MemAlign.Labeling.Tests;

/// <summary>
/// One headless Debian chromium for every browser test (Playwright drives it; it never downloads a browser). Where
/// chromium is missing nothing is started: each browser test is a <see cref="ChromiumFactAttribute"/> or
/// <see cref="ChromiumTheoryAttribute"/> and reports itself skipped with what to install (.ci/run fails on any skip).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (TestMachine.ChromiumSkipReason is not null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestMachine.ChromiumPath,
            Headless = true,
            // Root in a container: no sandbox; no GPU; /dev/shm may be small.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile (its own cookies), as a second reviewer on another machine would have.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var browser = _browser ?? throw new InvalidOperationException("A browser test without [ChromiumFact] or [ChromiumTheory]: " + TestMachine.ChromiumSkipReason);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
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
