using System.Globalization;
using System.Text;
using FairRubrics.Reporting;

namespace FairRubrics.Pages;

/// <summary>
/// Writes a <see cref="PageDocument"/> as CommonMark/GitHub Markdown. Every string is escaped
/// (<see cref="MarkdownText.Escape"/>), so text from a rubric or evidence file never becomes a link, an image,
/// HTML or formatting; the ways to show a competency are headings of the same level, one after another.
/// </summary>
internal static class MarkdownPageWriter
{
    public static string Write(PageDocument page)
    {
        var sb = new StringBuilder(16 * 1024);
        sb.Append("# ").Append(MarkdownText.Escape(page.Title)).Append("\n\n");
        foreach (var block in page.Blocks)
        {
            Block(sb, block);
        }

        sb.Append("---\n\n").Append(MarkdownText.Escape(page.Footer)).Append('\n');
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, PageBlock block)
    {
        switch (block)
        {
            case PageParagraph p:
                sb.Append(Lead(p.Lead)).Append(MarkdownText.Escape(p.Text)).Append("\n\n");
                break;
            case PageList list:
                var number = 0;
                foreach (var item in list.Items)
                {
                    sb.Append(list.Ordered ? string.Create(CultureInfo.InvariantCulture, $"{++number}. ") : "- ");
                    sb.Append(Lead(item.Lead)).Append(MarkdownText.Escape(item.Text));
                    if (item.Note is not null)
                    {
                        sb.Append(' ').Append(MarkdownText.Escape(item.Note));
                    }

                    sb.Append('\n');
                }

                sb.Append('\n');
                break;
            case PageSection section:
                Section(sb, section);
                break;
            case PageEqualGroup group:
                foreach (var member in group.Members)
                {
                    Section(sb, member);
                }

                break;
        }
    }

    private static void Section(StringBuilder sb, PageSection section)
    {
        sb.Append('#', Math.Clamp(section.Level, 2, 6)).Append(' ').Append(MarkdownText.Escape(section.Heading)).Append("\n\n");
        foreach (var child in section.Blocks)
        {
            Block(sb, child);
        }
    }

    private static string Lead(string? lead) => lead is null ? string.Empty : "**" + MarkdownText.Escape(lead) + "** ";
}
