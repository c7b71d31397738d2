using System.Text;

namespace FairRubrics.Cli.Output;

/// <summary>
/// A temporary file that stands in for standard output while a run may still take its lines back (the score runner
/// truncates a first pass when the evidence is not sorted), copied to standard output at the end; deleted on close.
/// </summary>
internal static class StandardOutputSpool
{
    /// <summary>Creates the spool: a fresh temporary file, deleted when the stream is closed.</summary>
    public static FileStream Create() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    /// <summary>Copies the whole spool (UTF-8) to <paramref name="stdout"/>.</summary>
    public static void CopyTo(FileStream spool, TextWriter stdout)
    {
        spool.Position = 0;
        using var reader = new StreamReader(spool, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
        var chars = new char[1 << 15];
        int n;
        while ((n = reader.Read(chars, 0, chars.Length)) > 0)
        {
            stdout.Write(chars, 0, n);
        }
    }
}
