using System.Text;

namespace FairRubrics.Reporting;

/// <summary>
/// Wraps the wide tables of the HTML reports in scroll regions: a table wider than the page scrolls inside a
/// focusable region labelled by the table's caption (<c>role="region"</c>, <c>aria-labelledby</c>, <c>tabindex="0"</c>),
/// so a keyboard can scroll it and the page itself never scrolls sideways (WCAG 1.4.10 Reflow, 2.1.1 Keyboard).
/// Printed, the regions do not scroll and the tables shrink to the paper. One instance per page: it numbers the
/// caption ids it writes, with a prefix that keeps them unique where several reports share a page. Not thread-safe.
/// </summary>
internal sealed class HtmlTables(string idPrefix)
{
    /// <summary>The CSS the regions need, added to each report's style sheet.</summary>
    public const string Style =
        ".scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}.scroll>table{margin:0}.scroll:focus-visible{outline:2px solid #0969da;outline-offset:2px}"
        + "svg{max-width:100%;height:auto}"
        + "@media print{.scroll{overflow:visible}table{font-size:.72rem;max-width:100%}th,td{padding:.1rem .25rem;overflow-wrap:anywhere}"
        + "h2,h3,caption{break-after:avoid}tr{break-inside:avoid}}";

    private int _count;

    /// <summary>Writes the region and the table's opening up to the caption's text, which the caller writes next (encoded) before <see cref="CloseCaption"/>.</summary>
    /// <param name="sb">The page.</param>
    /// <returns>The page.</returns>
    public StringBuilder Open(StringBuilder sb)
    {
        var id = idPrefix + "table-" + (++_count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return sb.Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"").Append(id).Append("\" tabindex=\"0\"><table><caption id=\"").Append(id).Append("\">");
    }

    /// <summary>Ends the caption.</summary>
    /// <param name="sb">The page.</param>
    /// <returns>The page.</returns>
    public static StringBuilder CloseCaption(StringBuilder sb) => sb.Append("</caption>");

    /// <summary>Ends the table and its region.</summary>
    /// <param name="sb">The page.</param>
    /// <returns>The page.</returns>
    public static StringBuilder Close(StringBuilder sb) => sb.Append("</table></div>");
}
