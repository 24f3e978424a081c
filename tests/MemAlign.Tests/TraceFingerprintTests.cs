using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MemAlign.Tests;

/// <summary>
/// The content fingerprint is stored with every trace and label (what a label rated): writing it straight into a UTF-8 buffer
/// (issue 24, bulk import) must give exactly what the serialize-then-encode version gave, or stored labels would read as stale.
/// </summary>
public class TraceFingerprintTests
{
    [Theory]
    [InlineData("\"plain\"", "\"answer\"", null)]
    [InlineData("{\"question\": \"caf\\u00e9 \\u2014 <b>&amp;</b>\", \"n\": 1.50, \"big\": 1e3}", "[1, 2.0, true, null, {\"a\": []}]", "\"ships tomorrow\"")]
    [InlineData("\"emoji \\ud83d\\ude00 and \\\"quotes\\\" and \\\\ and \\t tab\"", null, "{\"k\": \"\\u0001 control\", \"nested\": {\"deep\": [[[\"x\"]]]}}")]
    [InlineData(null, null, null)]
    public void The_fingerprint_is_the_hash_of_each_field_as_compact_JSON_as_before(string? inputs, string? outputs, string? expectations)
    {
        var trace = new Trace("t") { Inputs = Parse(inputs), Outputs = Parse(outputs), Expectations = Parse(expectations) };

        Assert.Equal(SerializedThenHashed(trace.Inputs, trace.Outputs, trace.Expectations), trace.ContentFingerprint);
    }

    [Fact]
    public void Formatting_does_not_change_the_fingerprint_and_content_does()
    {
        var compact = new Trace("a") { Inputs = Parse("{\"q\":\"x\",\"n\":[1,2]}") };
        var spaced = new Trace("b") { Inputs = Parse("{ \"q\" : \"x\" ,\n \"n\" : [ 1 , 2 ] }") };
        var other = new Trace("c") { Inputs = Parse("{\"q\":\"y\",\"n\":[1,2]}") };

        Assert.Equal(compact.ContentFingerprint, spaced.ContentFingerprint);
        Assert.NotEqual(compact.ContentFingerprint, other.ContentFingerprint);
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    // The earlier implementation, kept here as the reference.
    private static string SerializedThenHashed(params JsonElement?[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field is { } value ? JsonSerializer.Serialize(value) : "-").Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}
