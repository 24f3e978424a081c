using System.Text.Json;

namespace MemAlign.Tests;

public class FeedbackValueTypeTests
{
    private enum Quality { Excellent, Good, Fair, Poor }

    private enum Empty { }

    private static (FeedbackValue? Value, string? Error) Read(FeedbackValueType type, string json)
    {
        using var document = JsonDocument.Parse(json);
        return MemAlign.Prompting.VerdictReply.TryReadResult(document.RootElement, type, out var value, out var error) ? (value, null) : (null, error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"No\"", false)]
    [InlineData("\"PASS\"", true)]
    public void Boolean_accepts_booleans_and_unambiguous_words(string json, bool expected)
    {
        var (value, error) = Read(FeedbackValueType.Boolean, json);

        Assert.Null(error);
        Assert.Equal(FeedbackValue.FromBoolean(expected), value);
    }

    [Theory]
    [InlineData("\"maybe\"")]
    [InlineData("1")]
    [InlineData("{}")]
    public void Boolean_rejects_anything_else(string json) => Assert.NotNull(Read(FeedbackValueType.Boolean, json).Error);

    [Theory]
    [InlineData("3", 3.0, null)]
    [InlineData("\"4\"", 4.0, null)]
    [InlineData("1", 1.0, null)]
    [InlineData("5", 5.0, null)]
    [InlineData("6", null, "outside the scale 1..5")]
    [InlineData("0", null, "outside the scale 1..5")]
    [InlineData("2.5", null, "whole number")]
    [InlineData("\"three\"", null, "expected a number")]
    public void Integer_scale_is_enforced(string json, double? expected, string? error)
    {
        var (value, message) = Read(FeedbackValueType.Integer(1, 5), json);

        if (expected is { } number)
        {
            Assert.Null(message);
            Assert.Equal(number, value!.AsNumber());
        }
        else
        {
            Assert.Contains(error!, message);
            Assert.Contains("a whole number from 1 to 5", message);
        }
    }

    [Fact]
    public void Number_scale_accepts_fractions_within_range()
    {
        Assert.Equal(0.25, Read(FeedbackValueType.Number(0, 1), "0.25").Value!.AsNumber());
        Assert.NotNull(Read(FeedbackValueType.Number(0, 1), "1.5").Error);
    }

    [Fact]
    public void Categorical_matches_options_case_insensitively_and_reports_the_declared_spelling()
    {
        var type = FeedbackValueType.Enum<Quality>();

        Assert.Equal(["Excellent", "Good", "Fair", "Poor"], type.Options);
        Assert.Equal(FeedbackValue.FromText("Good"), Read(type, "\" good \"").Value);
        Assert.Contains("one of \"Excellent\", \"Good\", \"Fair\", \"Poor\"", Read(type, "\"Great\"").Error);
    }

    [Fact]
    public void Text_accepts_any_scalar()
    {
        Assert.Equal(FeedbackValue.FromText("anything"), Read(FeedbackValueType.Text, "\"anything\"").Value);
        Assert.Equal(FeedbackValue.FromText("3"), Read(FeedbackValueType.Text, "3").Value);
    }

    [Fact]
    public void Invalid_types_are_refused_at_creation()
    {
        Assert.Contains("below its maximum", Assert.Throws<ArgumentException>(() => FeedbackValueType.Integer(5, 5)).Message);
        Assert.Throws<ArgumentException>(() => FeedbackValueType.Number(double.NaN, 1));
        Assert.Contains("at least one option", Assert.Throws<ArgumentException>(() => FeedbackValueType.Categorical()).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => FeedbackValueType.Categorical("a", "A")).Message);
        Assert.Contains("at least one option", Assert.Throws<ArgumentException>(() => FeedbackValueType.Enum<Empty>()).Message);
        Assert.Contains("needs a scale", Assert.Throws<ArgumentException>(() => FeedbackValueType.ForClrType(typeof(int))).Message);
        Assert.Throws<ArgumentException>(() => FeedbackValueType.ForClrType(typeof(DateTime)));
    }

    [Fact]
    public void Types_are_equal_by_value()
    {
        Assert.Equal(FeedbackValueType.Integer(1, 5), FeedbackValueType.ForClrType(typeof(int), 1, 5));
        Assert.NotEqual(FeedbackValueType.Integer(1, 5), FeedbackValueType.Integer(1, 3));
        Assert.Equal(FeedbackValueType.Categorical("Excellent", "Good", "Fair", "Poor"), FeedbackValueType.Enum<Quality>());
        Assert.NotEqual(FeedbackValueType.Number(1, 5), FeedbackValueType.Integer(1, 5));
    }

    [Fact]
    public void Clr_types_map_to_what_they_can_hold()
    {
        Assert.True(FeedbackValueType.Boolean.IsRepresentableAs(typeof(bool)));
        Assert.False(FeedbackValueType.Boolean.IsRepresentableAs(typeof(int)));
        Assert.True(FeedbackValueType.Enum<Quality>().IsRepresentableAs(typeof(Quality)));
        Assert.True(FeedbackValueType.Enum<Quality>().IsRepresentableAs(typeof(string)));
        Assert.False(FeedbackValueType.Enum<Quality>().IsRepresentableAs(typeof(Empty)));
        Assert.True(FeedbackValueType.Integer(1, 3).IsRepresentableAs(typeof(int)));
        Assert.False(FeedbackValueType.Integer(1, 3).IsRepresentableAs(typeof(double)));
    }

    [Fact]
    public void Feedback_values_round_trip_through_json_and_compare_by_value()
    {
        foreach (var value in new[] { FeedbackValue.FromBoolean(true), FeedbackValue.FromNumber(2.5), FeedbackValue.FromText("Good") })
        {
            var json = JsonSerializer.Serialize(value);
            Assert.Equal(value, JsonSerializer.Deserialize<FeedbackValue>(json));
        }

        Assert.Equal("true", JsonSerializer.Serialize(FeedbackValue.FromBoolean(true)));
        Assert.Throws<InvalidOperationException>(() => FeedbackValue.FromText("x").AsBoolean());
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackValue.FromNumber(double.PositiveInfinity));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FeedbackValue>("{}"));
    }
}
