using System.CommandLine;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>--help-base-uri URI</c>, shared by the commands that link help pages: where the FairRubrics <c>docs/</c> folder is
/// published (e.g. <c>https://example.org/fairrubrics/docs/</c>, giving <c>…/docs/checks/FR101.md</c>). Without it
/// no links to help pages are written (the pages' paths exist only in the FairRubrics repository).
/// </summary>
internal static class HelpBaseUriOption
{
    public static Option<string?> Create() => new("--help-base-uri")
    {
        Description = "Where the FairRubrics docs/ folder is published, e.g. https://example.org/fairrubrics/docs/ (help links then point to .../docs/checks/FR101.md); without it no help links are written.",
    };

    /// <summary>Checks the value: null stays null; anything else must be an absolute http(s) or file URI.</summary>
    public static Uri? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.StartsWith('/') || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw new CliUsageException($"--help-base-uri must be an absolute URI of the docs folder, e.g. https://example.org/fairrubrics/docs/; got '{value}'");
        }

        return uri;
    }
}
