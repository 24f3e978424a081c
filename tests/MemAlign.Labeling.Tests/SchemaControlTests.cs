using System.Net;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SchemaControlTests(Browser browser)
{
    public static TheoryData<string, string[], string, object> Schemas => new()
    {
        // The kind, the choices shown (none: a number input), the key pressed, the value stored.
        { "boolean", ["y Yes", "n No"], "n", false },
        { "categorical", ["1 Correct", "2 Partly correct", "3 Wrong"], "2", "Partly correct" },
        { "integer", ["1 1", "2 2", "3 3", "4 4", "5 5"], "4", 4.0 },
        { "number", [], "0.25", 0.25 },

        // "Not applicable" is a choice of its own, by its digit when digits are the values; beside a number box, by x.
        { "integer with not applicable", ["1 1", "2 2", "3 3", "0 Not applicable (0)"], "0", 0.0 },
        { "number with not applicable", ["x Not applicable (-1)"], "x", -1.0 },
    };

    [ChromiumTheory]
    [MemberData(nameof(Schemas))]
    public async Task Each_value_type_shows_its_control_and_stores_the_value_chosen_by_key(string kind, string[] choices, string key, object stored)
    {
        var type = kind switch
        {
            "boolean" => FeedbackValueType.Boolean,
            "categorical" => FeedbackValueType.Categorical("Correct", "Partly correct", "Wrong"),
            "integer" => FeedbackValueType.Integer(1, 5),
            "integer with not applicable" => FeedbackValueType.Integer(1, 3).WithNotApplicable(0),
            "number with not applicable" => FeedbackValueType.Number(0, 1).WithNotApplicable(-1),
            _ => FeedbackValueType.Number(0, 1),
        };
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), type);
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "t1");

        var buttons = page.Locator("#choices .choice");
        if (kind == "number with not applicable")
        {
            // The scale's values go in the number box; "not applicable" is the one button, and typing a number unselects it.
            await Expect(page.Locator("#value-input")).ToHaveAttributeAsync("type", "number");
            await Expect(buttons).ToHaveTextAsync(choices);
            await page.Locator("#value-input").FillAsync("0.5");
            await PressAsync(page, "Escape", key);
            await Expect(page.Locator("#choices .choice.selected")).ToHaveCountAsync(1);
            await Expect(page.Locator("#value-input")).ToHaveValueAsync("");
        }
        else if (choices.Length > 0)
        {
            await Expect(buttons).ToHaveTextAsync(choices);
            await PressAsync(page, key);
            await Expect(page.Locator("#choices .choice.selected")).ToHaveCountAsync(1);
        }
        else
        {
            await Expect(buttons).ToHaveCountAsync(0);
            var input = page.Locator("#value-input");
            await Expect(input).ToHaveAttributeAsync("type", "number");
            await Expect(input).ToHaveAttributeAsync("min", "0");
            await Expect(input).ToHaveAttributeAsync("max", "1");
            await input.FocusAsync();
            await page.Keyboard.TypeAsync(key);
        }

        await PressAsync(page, "Enter");
        await MovedOnFromAsync(page, "t1");

        var label = Assert.Single(await scenario.LabelsAsync()).Label;
        Assert.Equal(stored switch { bool b => FeedbackValue.FromBoolean(b), double d => FeedbackValue.FromNumber(d), _ => FeedbackValue.FromText((string)stored) }, label.Value);
    }

    [ChromiumFact]
    public async Task A_required_comment_must_be_written_before_the_label_is_stored()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), comment: LabelComment.Required);
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "t1");
        await Expect(page.Locator("#comment-policy")).ToHaveTextAsync("(required)");

        await PressAsync(page, "y", "Enter");
        await Expect(page.Locator("#message")).ToContainTextAsync("comment is required");
        await Expect(page.Locator("#trace-id")).ToHaveTextAsync("t1");
        Assert.Empty(await scenario.LabelsAsync());

        // The server refuses it too: the page is not the only way in.
        using var api = await ReviewerClient.OpenAsync(server.Links.Single());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.LabelAsync("t1", true, "  ")).StatusCode);

        await page.Keyboard.TypeAsync("It answers the question.");          // the box has the focus now
        await PressAsync(page, "Enter");
        await ShowsItemAsync(page, "t2");
        var label = Assert.Single(await scenario.LabelsAsync()).Label;
        Assert.Equal("It answers the question.", label.Rationale);
    }

    [ChromiumFact]
    public async Task Without_a_comment_box_the_schema_shows_none()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1), comment: LabelComment.None);
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "t1");
        await Expect(page.Locator("#comment")).ToBeHiddenAsync();
    }
}
