using System.Reflection;

namespace FairRubrics.Catalog;

/// <summary>Where a catalog gets rubrics from: a folder (optionally watched), a string, a stream, or embedded resources.</summary>
public abstract class RubricSource
{
    private protected RubricSource()
    {
    }

    /// <summary>Every <c>*.yaml</c> and <c>*.yml</c> file under a folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="watch">Whether to reload when files change: a valid edit is swapped in atomically, a broken one keeps the last valid version and reports why.</param>
    /// <returns>The source.</returns>
    public static RubricSource FromDirectory(string directory, bool watch = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new DirectorySource(Path.GetFullPath(directory), watch);
    }

    /// <summary>A rubric held in a string.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in diagnostics.</param>
    /// <returns>The source.</returns>
    public static RubricSource FromString(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return new StringSource(yaml, sourceName);
    }

    /// <summary>A rubric read from a stream each time the catalog loads (the stream is disposed after reading).</summary>
    /// <param name="open">Opens the stream.</param>
    /// <param name="sourceName">The name used in diagnostics.</param>
    /// <returns>The source.</returns>
    public static RubricSource FromStream(Func<Stream> open, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return new StreamSource(open, sourceName);
    }

    /// <summary>Every embedded resource of an assembly whose name ends with <c>.yaml</c> or <c>.yml</c> (and starts with <paramref name="prefix"/>, when given).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="prefix">A resource-name prefix such as <c>MyApp.Rubrics.</c>, or null for all.</param>
    /// <returns>The source.</returns>
    public static RubricSource FromEmbeddedResources(Assembly assembly, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new EmbeddedSource(assembly, prefix);
    }

    /// <summary>A folder; <see cref="Directory"/> may be a relative path, resolved by the container (<see cref="Resolve"/>).</summary>
    internal sealed class DirectorySource(string directory, bool watch, string? configured = null, string? resolvedAgainst = null) : RubricSource
    {
        public string Directory { get; } = directory;

        public bool Watch { get; } = watch;

        /// <summary>Gets the folder as configured (relative), when it differs from <see cref="Directory"/>.</summary>
        public string? Configured { get; } = configured;

        /// <summary>Gets what a relative folder was resolved against, e.g. "the content root /srv/app".</summary>
        public string? ResolvedAgainst { get; } = resolvedAgainst;

        /// <summary>Gets a value indicating whether the folder is relative and resolved when the catalog is created.</summary>
        public bool IsRelative => !Path.IsPathFullyQualified(Directory);

        /// <summary>Resolves a relative folder against the host's content root, or else the working directory.</summary>
        public DirectorySource Resolve(string? contentRoot)
        {
            if (!IsRelative)
            {
                return this;
            }

            var root = contentRoot ?? Environment.CurrentDirectory;
            var against = contentRoot is null ? $"the working directory {root}" : $"the content root {root}";
            return new DirectorySource(Path.GetFullPath(Path.Combine(root, Directory)), Watch, Directory, against);
        }
    }

    internal sealed class StringSource(string yaml, string name) : RubricSource
    {
        public string Yaml { get; } = yaml;

        public string Name { get; } = name;
    }

    internal sealed class StreamSource(Func<Stream> open, string name) : RubricSource
    {
        public Func<Stream> Open { get; } = open;

        public string Name { get; } = name;
    }

    internal sealed class EmbeddedSource(Assembly assembly, string? prefix) : RubricSource
    {
        public Assembly Assembly { get; } = assembly;

        public string? Prefix { get; } = prefix;
    }
}
