using System.Globalization;

namespace FairRubrics.Loading;

/// <summary>
/// The one folder walk behind <c>fairrubrics lint DIR</c>, <see cref="RubricLoader.LoadDirectory"/> and the catalog's
/// folder source. Each real folder is walked once (by device and inode, so symbolic-link cycles and fan-outs end and
/// a file reached by two paths is read once); only regular files are returned, so a FIFO, device or socket named
/// <c>*.yaml</c> is skipped with a warning and never opened; an unreadable sub-folder is an error diagnostic and
/// the walk goes on; depth and size are bounded.
/// </summary>
internal sealed class RubricFileWalker
{
    /// <summary>The deepest folder level walked below the starting folder.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most folders one walk visits.</summary>
    public const int MaxFolders = 20_000;

    /// <summary>The most rubric files one walk returns.</summary>
    public const int MaxFiles = 20_000;

    private static readonly EnumerationOptions Entries = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    private readonly HashSet<(ulong, ulong)> _folders = [];
    private readonly HashSet<(ulong, ulong)> _files = [];
    private readonly HashSet<string> _fallbackFolders = new(StringComparer.Ordinal);
    private readonly List<string> _found = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private int _foldersVisited;
    private bool _limitReported;

    /// <summary>Walks a folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="recursive">Whether sub-folders are walked.</param>
    /// <returns>The rubric files in ordinal path order, and what was skipped or could not be read.</returns>
    public static RubricFileSearch Walk(string directory, bool recursive = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var walker = new RubricFileWalker();
        walker.Run(directory, recursive);
        walker._found.Sort(StringComparer.Ordinal);
        return new RubricFileSearch(walker._found, walker._diagnostics);
    }

    /// <summary>Whether a file name has a rubric extension (<c>.yaml</c> or <c>.yml</c>, any case).</summary>
    /// <param name="path">The path or name.</param>
    /// <returns>Whether it does.</returns>
    public static bool HasRubricExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private void Run(string root, bool recursive)
    {
        if (!Visit(root, isLink: false))
        {
            return;
        }

        var stack = new Stack<(string Path, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (folder, depth) = stack.Pop();
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(folder, "*", Entries)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                var reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
                _diagnostics.Add(new Diagnostic(
                    DiagnosticIds.Unreadable,
                    DiagnosticSeverity.Error,
                    $"the folder cannot be read ({reason}); its rubric files are not checked",
                    new SourceLocation(folder, 0, 0)));
                continue;
            }

            entries.Sort(StringComparer.Ordinal);
            var candidates = new List<(string Path, bool IsLink)>();
            foreach (var entry in entries)
            {
                if (_found.Count >= MaxFiles)
                {
                    ReportLimit(entry, string.Create(CultureInfo.InvariantCulture, $"the walk stopped at {MaxFiles:N0} rubric files; lint the sub-folders one at a time"));
                    return;
                }

                if (Classify(entry) is { } folderEntry)
                {
                    if (!recursive)
                    {
                        continue;
                    }

                    if (depth + 1 > MaxDepth)
                    {
                        ReportLimit(entry, string.Create(CultureInfo.InvariantCulture, $"the folder is more than {MaxDepth} levels deep and is not walked"));
                        continue;
                    }

                    candidates.Add((entry, folderEntry.IsLink));
                }
            }

            // Real sub-folders are claimed before links to folders, so that a file is named by its real path where it can be.
            var subfolders = candidates.Where(c => !c.IsLink).Concat(candidates.Where(c => c.IsLink))
                .Where(c => Visit(c.Path, c.IsLink))
                .Select(c => c.Path)
                .Order(StringComparer.Ordinal)
                .ToList();

            // Pushed in reverse so that folders are walked depth-first in ordinal order (the first path to a folder wins).
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                stack.Push((subfolders[i], depth + 1));
            }
        }
    }

    /// <summary>Looks at one entry: adds a rubric file, reports a skipped one, or returns the entry when it is a folder.</summary>
    private FolderEntry? Classify(string entry)
    {
        if (!FileStatusReader.IsSupported)
        {
            return ClassifyWithoutStat(entry);
        }

        if (!FileStatusReader.TryGet(entry, followLinks: true, out var status, out var errno))
        {
            if (HasRubricExtension(entry))
            {
                var isLink = FileStatusReader.TryGet(entry, followLinks: false, out var own, out _) && own.Kind == FileKind.SymbolicLink;
                var why = isLink ? (errno == 40 || errno == 62 ? "a symbolic link that loops" : "a symbolic link whose target does not exist") : "its type cannot be read";
                Skip(entry, $"skipped: {why}");
            }

            return null;
        }

        switch (status.Kind)
        {
            case FileKind.Directory:
                var link = FileStatusReader.TryGet(entry, followLinks: false, out var self, out _) && self.Kind == FileKind.SymbolicLink;
                return new FolderEntry(link, status);
            case FileKind.Regular:
                if (HasRubricExtension(entry) && _files.Add((status.Device, status.Inode)))
                {
                    _found.Add(entry);
                }

                return null;
            default:
                if (HasRubricExtension(entry))
                {
                    Skip(entry, $"skipped: {status.Describe()}, not a regular file; it is not opened");
                }

                return null;
        }
    }

    /// <summary>Where stat is not available (Windows): the BCL's view, with folders identified by their resolved real path.</summary>
    private FolderEntry? ClassifyWithoutStat(string entry)
    {
        FileSystemInfo info = new FileInfo(entry);
        if ((info.Attributes & FileAttributes.Directory) != 0)
        {
            info = new DirectoryInfo(entry);
        }

        var isLink = info.LinkTarget is not null;
        if (info is DirectoryInfo)
        {
            return new FolderEntry(isLink, default);
        }

        if (!HasRubricExtension(entry))
        {
            return null;
        }

        if (isLink && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
        {
            Skip(entry, "skipped: a symbolic link whose target does not exist");
            return null;
        }

        _found.Add(entry);
        return null;
    }

    /// <summary>Marks a folder as walked; false (with a warning for a link) when its real folder was walked already.</summary>
    private bool Visit(string folder, bool isLink)
    {
        bool first;
        if (FileStatusReader.IsSupported && FileStatusReader.TryGet(folder, followLinks: true, out var status, out _) && status.HasIdentity)
        {
            first = _folders.Add((status.Device, status.Inode));
        }
        else
        {
            first = _fallbackFolders.Add(RealPath(folder));
        }

        if (!first)
        {
            if (isLink)
            {
                Skip(folder, "skipped: a symbolic link to a folder that is already walked (a link cycle or a second path to it); each folder is read once");
            }

            return false;
        }

        if (++_foldersVisited > MaxFolders)
        {
            ReportLimit(folder, string.Create(CultureInfo.InvariantCulture, $"the walk stopped after {MaxFolders:N0} folders; lint the sub-folders one at a time"));
            return false;
        }

        return true;
    }

    private static string RealPath(string folder)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Path.GetFullPath(folder);
        }
    }

    private void Skip(string entry, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticIds.SkippedEntry, DiagnosticSeverity.Warning, message, new SourceLocation(entry, 0, 0)));

    private void ReportLimit(string entry, string message)
    {
        if (_limitReported)
        {
            return;
        }

        _limitReported = true;
        _diagnostics.Add(new Diagnostic(DiagnosticIds.SkippedEntry, DiagnosticSeverity.Error, message, new SourceLocation(entry, 0, 0)));
    }

    private readonly record struct FolderEntry(bool IsLink, FileStatus Status);
}
