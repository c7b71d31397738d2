using System.Globalization;

namespace FairRubrics;

/// <summary>
/// A position in a source file: file name plus 1-based line and column. <see cref="Line"/> 0 means the
/// position is unknown (only the file is known).
/// </summary>
/// <param name="File">The file name or other source name the position belongs to; may be empty.</param>
/// <param name="Line">1-based line number, or 0 when unknown.</param>
/// <param name="Column">1-based column number, or 0 when unknown.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Gets a location that names no file and no position.</summary>
    public static SourceLocation None => new(string.Empty, 0, 0);

    /// <summary>Gets a value indicating whether the line and column are known.</summary>
    public bool HasPosition => Line > 0 && Column > 0;

    /// <summary>Returns a location in the same file at another position.</summary>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <returns>The new location.</returns>
    public SourceLocation At(int line, int column) => new(File, line, column);

    /// <summary>Formats the location as <c>file:line:col</c> (or just <c>file</c> when the position is unknown).</summary>
    /// <returns>The compiler-style location text.</returns>
    public override string ToString()
    {
        var file = File ?? string.Empty;
        if (!HasPosition)
        {
            return file;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}:{Column}");
    }
}
