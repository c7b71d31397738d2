using System.Globalization;
using System.Net;
using System.Text;

namespace FairRubrics.Pages;

/// <summary>
/// Writes a <see cref="PageDocument"/> as one self-contained HTML page: no scripts, fonts, images or network; landmarks
/// and headings for screen readers; readable from 320 px wide up; a print style sheet. Every string is HTML-encoded.
/// </summary>
internal static class HtmlPageWriter
{
    private const string Style = """
        :root{color-scheme:light}
        *{box-sizing:border-box}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:1rem;line-height:1.5;color:#1b1f24;background:#fff;margin:0;padding:1rem;overflow-wrap:break-word;word-break:normal}
        header,main,footer{max-width:46rem;margin:0 auto}
        h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
        h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid #8c959f}
        h3{font-size:1.15rem;margin:1.6rem 0 .4rem}
        h4{font-size:1.05rem;margin:0 0 .4rem}
        h5{font-size:1rem;margin:.8rem 0 .2rem}
        p{margin:.4rem 0}
        ul,ol{padding-left:1.4rem;margin:.4rem 0}
        li{margin:.25rem 0}
        .lead{font-weight:600}
        .note{display:block;color:#424a53}
        ul.ways{list-style:none;padding:0;margin:.6rem 0}
        ul.ways>li{margin:0 0 .8rem;border:1px solid #8c959f;border-radius:.4rem;padding:.8rem;background:#fff}
        footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid #8c959f;color:#424a53;font-size:.9rem}
        @media (max-width:30rem){body{padding:.75rem}h1{font-size:1.35rem}ul.ways>li{padding:.6rem}}
        @media print{body{padding:0;font-size:11pt;color:#000}header,main,footer{max-width:none}ul.ways>li{break-inside:avoid}h2,h3,h4{break-after:avoid}.note,footer{color:#000}}
        """;

    public static string Write(PageDocument page)
    {
        var sb = new StringBuilder(16 * 1024);
        var ids = 0;
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(page.Lang)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(page.Title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        sb.Append("<header>\n<h1>").Append(E(page.Title)).Append("</h1>\n</header>\n<main>\n");
        foreach (var block in page.Blocks)
        {
            Block(sb, block, ref ids);
        }

        sb.Append("</main>\n<footer>\n<p>").Append(E(page.Footer)).Append("</p>\n</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, PageBlock block, ref int ids)
    {
        switch (block)
        {
            case PageParagraph p:
                sb.Append("<p>");
                Lead(sb, p.Lead);
                sb.Append(E(p.Text)).Append("</p>\n");
                break;
            case PageList list:
                var tag = list.Ordered ? "ol" : "ul";
                sb.Append('<').Append(tag).Append(">\n");
                foreach (var item in list.Items)
                {
                    sb.Append("<li>");
                    Lead(sb, item.Lead);
                    sb.Append(E(item.Text));
                    if (item.Note is not null)
                    {
                        sb.Append(" <span class=\"note\">").Append(E(item.Note)).Append("</span>");
                    }

                    sb.Append("</li>\n");
                }

                sb.Append("</").Append(tag).Append(">\n");
                break;
            case PageSection section:
                Section(sb, section, "section", ref ids);
                break;
            case PageEqualGroup group:
                sb.Append("<ul class=\"ways\" aria-label=\"").Append(E(group.Label)).Append("\">\n");
                foreach (var member in group.Members)
                {
                    sb.Append("<li>");
                    Section(sb, member, "article", ref ids);
                    sb.Append("</li>\n");
                }

                sb.Append("</ul>\n");
                break;
        }
    }

    private static void Section(StringBuilder sb, PageSection section, string element, ref int ids)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"s{++ids}");
        var level = Math.Clamp(section.Level, 2, 6).ToString(CultureInfo.InvariantCulture);
        sb.Append('<').Append(element).Append(" aria-labelledby=\"").Append(id).Append("\">\n");
        sb.Append("<h").Append(level).Append(" id=\"").Append(id).Append("\">").Append(E(section.Heading)).Append("</h").Append(level).Append(">\n");
        foreach (var child in section.Blocks)
        {
            Block(sb, child, ref ids);
        }

        sb.Append("</").Append(element).Append(">\n");
    }

    private static void Lead(StringBuilder sb, string? lead)
    {
        if (lead is not null)
        {
            sb.Append("<span class=\"lead\">").Append(E(lead)).Append("</span> ");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
