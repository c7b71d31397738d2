using FairRubrics.Language;

namespace FairRubrics.Cli.Commands;

/// <summary>The word lists named on the command line (<c>--word-list</c>), as <c>lint</c> and <c>review-text</c> load them.</summary>
internal static class WordListFiles
{
    /// <summary>Loads the files given with <c>--word-list</c>; a file with errors prints them and stops the command.</summary>
    /// <param name="files">The files.</param>
    /// <param name="stderr">Where the diagnostics go.</param>
    /// <returns>The lists, in the order given.</returns>
    /// <exception cref="CliUsageException">A file has errors.</exception>
    public static List<WordList> Load(string[] files, TextWriter stderr)
    {
        var lists = new List<WordList>();
        foreach (var file in files)
        {
            var result = WordListLoader.LoadFile(file);
            if (!result.Succeeded)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    stderr.WriteLine(diagnostic.ToString());
                }

                throw new CliUsageException($"the word list {file} has errors; fix them or leave out --word-list {file}");
            }

            lists.Add(result.List);
        }

        return lists;
    }
}
