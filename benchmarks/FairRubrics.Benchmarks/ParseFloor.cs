using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FairRubrics.Benchmarks;

/// <summary>
/// The floor of an audit: the time to read the score results and tokenise every JSON line with
/// <see cref="Utf8JsonReader"/>, and to read the attributes CSV and split every row into fields, on one thread,
/// doing nothing with the values. <c>FairRubrics.Benchmarks floor SCORES.jsonl ATTRIBUTES.csv</c>
/// (benchmarks/compare/compare.py runs it next to the audit).
/// </summary>
internal static class ParseFloor
{
    public static int Run(string scores, string attributes)
    {
        var clock = Stopwatch.StartNew();
        var (lines, tokens) = TokeniseJsonLines(scores);
        var json = clock.Elapsed;
        var (rows, fields) = SplitCsv(attributes);
        var total = clock.Elapsed;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"parse floor: {lines:N0} JSON lines ({tokens:N0} tokens) in {json.TotalSeconds:F2} s; {rows:N0} CSV rows ({fields:N0} fields) in {(total - json).TotalSeconds:F2} s; {total.TotalSeconds:F2} s in all"));
        return 0;
    }

    private static (long Lines, long Tokens) TokeniseJsonLines(string path)
    {
        long lines = 0, tokens = 0;
        ForEachLine(path, line =>
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16 });
            while (reader.Read())
            {
                tokens++;
            }

            lines++;
        });
        return (lines, tokens);
    }

    private static (long Rows, long Fields) SplitCsv(string path)
    {
        long rows = 0, fields = 0;
        ForEachLine(path, line =>
        {
            fields += line.Count((byte)',') + 1;
            rows++;
        });
        return (rows, fields);
    }

    private delegate void LineAction(ReadOnlySpan<byte> line);

    private static void ForEachLine(string path, LineAction action)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var filled = 0;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var span = buffer.AsSpan(0, filled);
            var start = 0;
            int end;
            while ((end = span[start..].IndexOf((byte)'\n')) >= 0)
            {
                action(span.Slice(start, end));
                start += end + 1;
            }

            if (read == 0)
            {
                if (start < filled)
                {
                    action(span[start..]);
                }

                break;
            }

            span[start..].CopyTo(buffer);
            filled -= start;
            if (filled == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
    }
}
