using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>What the tests do on the labeling page, by keyboard, and what they wait for.</summary>
internal static class Pages
{
    /// <summary>Waits until the page shows <paramref name="traceId"/>, ready for keys.</summary>
    public static async Task ShowsItemAsync(IPage page, string traceId)
    {
        await Expect(page.Locator("#item-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#trace-id")).ToHaveTextAsync(traceId);
    }

    /// <summary>The trace id of the item shown, once the page shows one (the id is filled in after the item loads).</summary>
    public static async Task<string> ShownItemAsync(IPage page)
    {
        await Expect(page.Locator("#item-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#trace-id")).Not.ToBeEmptyAsync();
        return (await page.Locator("#trace-id").TextContentAsync())!;
    }

    public static Task ShowsCompleteAsync(IPage page) => Expect(page.Locator("#complete-view")).ToBeVisibleAsync();

    /// <summary>Presses <paramref name="keys"/> in turn, as a reviewer types them.</summary>
    public static async Task PressAsync(IPage page, params string[] keys)
    {
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
        }
    }

    /// <summary>
    /// Labels the item shown with <paramref name="key"/> and Enter, and waits for the page to move on; in a blind session with a
    /// judge, the page first shows the judge's verdict as feedback on the same item, and Enter again moves on.
    /// </summary>
    public static async Task LabelAsync(IPage page, string traceId, string key, string? comment = null)
    {
        await ShowsItemAsync(page, traceId);
        await page.Keyboard.PressAsync(key);
        if (comment is not null)
        {
            await page.Keyboard.PressAsync("c");
            await page.Keyboard.TypeAsync(comment);
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "id => document.body.dataset.feedback === id || !document.getElementById('complete-view').hidden || (!document.getElementById('item-view').hidden && document.getElementById('trace-id').textContent !== id)",
            traceId);
        if (await page.EvaluateAsync<string?>("() => document.body.dataset.feedback") == traceId)
        {
            await page.Keyboard.PressAsync("Enter");
        }

        await MovedOnFromAsync(page, traceId);
    }

    /// <summary>Waits until the page shows another item than <paramref name="traceId"/>, or the "session complete" view.</summary>
    public static Task MovedOnFromAsync(IPage page, string traceId) =>
        page.WaitForFunctionAsync(
            "id => !document.getElementById('complete-view').hidden || (!document.getElementById('item-view').hidden && document.getElementById('trace-id').textContent !== id)",
            traceId);
}
