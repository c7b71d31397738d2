namespace FairRubrics.Checks;

/// <summary>
/// Turns a check's help page (<see cref="CheckDescriptor.HelpUri"/>) into a link that works where a report is read.
/// The built-in checks name their pages relative to the FairRubrics repository (<c>docs/checks/FR101.md</c>), a path
/// that does not exist in a host's project; so a relative page becomes a link only against a base URI that says
/// where the FairRubrics <c>docs/</c> folder is published (for example <c>https://example.org/fairrubrics/docs/</c>,
/// giving <c>https://example.org/fairrubrics/docs/checks/FR101.md</c>). Without a base, relative pages give no link
/// (reports show the id instead of a broken link); an absolute help URI (an integrator's own page) is kept as it is.
/// </summary>
public static class HelpLinks
{
    private const string DocsPrefix = "docs/";

    /// <summary>Resolves a help page against the base URI of the docs folder.</summary>
    /// <param name="helpUri">The descriptor's help page: absolute, relative to the repository (<c>docs/checks/FR101.md</c>), or null.</param>
    /// <param name="docsBaseUri">Where the FairRubrics <c>docs/</c> folder is published (an absolute URI), or null.</param>
    /// <returns>An absolute URI, or null when there is no page or no base for a relative one.</returns>
    public static Uri? Resolve(string? helpUri, Uri? docsBaseUri)
    {
        if (string.IsNullOrWhiteSpace(helpUri))
        {
            return null;
        }

        if (Uri.TryCreate(helpUri, UriKind.Absolute, out var absolute) && !absolute.IsFile && !helpUri.StartsWith('/'))
        {
            return absolute;
        }

        if (docsBaseUri is null)
        {
            return null;
        }

        if (!docsBaseUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The docs base URI must be absolute, e.g. https://example.org/fairrubrics/docs/.", nameof(docsBaseUri));
        }

        var relative = helpUri.Replace('\\', '/').TrimStart('/');
        if (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        if (relative.StartsWith(DocsPrefix, StringComparison.Ordinal))
        {
            relative = relative[DocsPrefix.Length..];
        }

        return new Uri(AsFolder(docsBaseUri), relative);
    }

    /// <summary>Resolves a link written in a help page (e.g. <c>../diagnostics.md</c> in <c>docs/checks/FR101.md</c>) against the docs base URI.</summary>
    /// <param name="pageHelpUri">The page the link is written in (relative to the repository, e.g. <c>docs/checks/FR101.md</c>).</param>
    /// <param name="link">The link as written.</param>
    /// <param name="docsBaseUri">Where the <c>docs/</c> folder is published, or null.</param>
    /// <returns>An absolute URI, or null when the link is relative and there is no base.</returns>
    public static Uri? ResolveFromPage(string pageHelpUri, string link, Uri? docsBaseUri)
    {
        ArgumentNullException.ThrowIfNull(pageHelpUri);
        ArgumentNullException.ThrowIfNull(link);
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && !absolute.IsFile && !link.StartsWith('/'))
        {
            return absolute;
        }

        if (Resolve(pageHelpUri, docsBaseUri) is not { } page)
        {
            return null;
        }

        return new Uri(page, link);
    }

    /// <summary>The help link of a built-in finding id (<c>FRnnn</c>, page <c>docs/checks/FRnnn.md</c>), or null without a base or for other ids.</summary>
    internal static Uri? ForBuiltInId(string id, Uri? docsBaseUri) =>
        id.Length == 5 && id.StartsWith("FR", StringComparison.Ordinal) && id[2..].All(char.IsAsciiDigit) && id[2] != '0'
            ? Resolve($"docs/checks/{id}.md", docsBaseUri)
            : null;

    private static Uri AsFolder(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
