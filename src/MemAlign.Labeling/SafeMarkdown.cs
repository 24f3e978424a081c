using System.Text.Encodings.Web;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MemAlign.Labeling;

/// <summary>
/// Markdown to HTML for untrusted text (instructions, trace content): raw HTML is shown as text, and links or
/// images with a scheme other than http, https or mailto lose their target, so nothing in the text can run. Text
/// Markdig refuses (nesting hundreds deep) shows as escaped text, as it was written.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().UseAutoLinks().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            return Render(markdown);
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            return "<pre>" + HtmlEncoder.Default.Encode(markdown) + "</pre>";
        }
    }

    private static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }

            // The page allows images from itself only (CSP); an image would show as a broken box, so it becomes a link.
            link.IsImage = false;
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "";
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Relative links have no scheme; anything with one must be on the list (javascript:, data:, vbscript: are not).
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = url[..colon].Trim();
        return SafeSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }
}
