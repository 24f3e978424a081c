using System.Net;
using System.Text;

namespace MemAlign.Reporting;

/// <summary>The self-contained page every HTML report is: inline style, no script, no external asset; all text encoded.</summary>
internal static class HtmlPage
{
    public static string Write(string title, Action<StringBuilder> body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}.sig{font-weight:bold;color:#1a7f37}.warn{color:#9a6700}svg{display:block;margin:1em 0}</style></head><body>");
        body(html);
        return html.Append("</body></html>").ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
