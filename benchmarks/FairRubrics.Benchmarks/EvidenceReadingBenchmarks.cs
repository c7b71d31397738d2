using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using nietras.SeparatedValues;

namespace FairRubrics.Benchmarks;

/// <summary>
/// Issue #18 item 2: reading an evidence CSV as <c>fairrubrics sample</c> writes it (9 columns). The readers as
/// <c>score</c> uses them (items built, values pooled) — CsvHelper (the reader before #18, baseline) and the span reader
/// on the audit's line mechanism — and three tokenisers alone (every field of every row as a span, nothing built):
/// CsvHelper's, Sep's and the line reader's with a comma search. One operation reads the whole file from memory.
/// </summary>
[MemoryDiagnoser]
public class EvidenceReadingBenchmarks
{
    private byte[] _csv = [];

    /// <summary>Gets or sets the number of people in the generated evidence (about 30 rows each).</summary>
    [Params(10_000)]
    public int People { get; set; }

    /// <summary>Generates the evidence and checks that every reader reads every row.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _csv = Encoding.UTF8.GetBytes(Generate(People));
        var rows = CsvHelperReader();
        if (SpanReader() != rows || CsvHelperTokens() != SepTokens() || SepTokens() != LineTokens())
        {
            throw new InvalidOperationException("the readers disagree");
        }
    }

    /// <summary>The CsvHelper reader as <c>score</c> used it before #18: items built, values pooled.</summary>
    /// <returns>The valid rows.</returns>
    [Benchmark(Baseline = true)]
    public int CsvHelperReader() => EvidenceReader.ReadCsvGeneral(new MemoryStream(_csv), leaveOpen: true, null, new EvidenceStringPool()).Count(r => r.IsValid);

    /// <summary>The span reader (<c>EvidenceReader.ReadCsv</c> since #18): items built, values pooled by their bytes.</summary>
    /// <returns>The valid rows.</returns>
    [Benchmark]
    public int SpanReader() => EvidenceReader.ReadCsv(new MemoryStream(_csv)).Count(r => r.IsValid);

    /// <summary>CsvHelper's tokeniser alone: each field's UTF-8 span.</summary>
    /// <returns>The total field length.</returns>
    [Benchmark]
    public long CsvHelperTokens()
    {
        using var reader = CsvReader.Create(new MemoryStream(_csv), RecordFiles.CsvOptions(_ => { }), leaveOpen: true);
        reader.ReadHeader();
        long total = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                total += reader.GetSpan(i).Length;
            }
        }

        return total;
    }

    /// <summary>Sep 0.18's tokeniser alone: each field's span (Sep decodes to UTF-16).</summary>
    /// <returns>The total field length.</returns>
    [Benchmark]
    public long SepTokens()
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), DisableColCountCheck = true }).From(new MemoryStream(_csv));
        long total = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                total += row[i].Span.Length;
            }
        }

        return total;
    }

    /// <summary>The audit's line reader with a comma search (the span reader's tokeniser, without quotes).</summary>
    /// <returns>The total field length.</returns>
    [Benchmark]
    public long LineTokens()
    {
        using var lines = new Utf8LineReader(new MemoryStream(_csv));
        long total = 0;
        lines.MoveNext();   // the header
        while (lines.MoveNext())
        {
            var line = lines.Current;
            int comma;
            while ((comma = line.IndexOf((byte)',')) >= 0)
            {
                total += comma;
                line = line[(comma + 1)..];
            }

            total += line.Length;
        }

        return total;
    }

    /// <summary>Evidence shaped as <c>fairrubrics sample</c>'s: ratings and occurrences by subject, about 30 rows a person.</summary>
    private static string Generate(int people)
    {
        string[] competencies = ["collaboration", "communication", "delivery", "quality-of-work"];
        string[] paths = ["outcomes", "network", "work-review", "peer-feedback"];
        string[] types = ["rating", "rating", "talk", "mentoring", "doc-written", "code-review"];
        string[] sources = ["manager", "peer", "peer", "self"];
        var random = new Random(18);
        var text = new StringBuilder("subject,type,competency,path,value,source,rater,date,id\n");
        var id = 0;
        for (var s = 1; s <= people; s++)
        {
            for (var n = 20 + random.Next(20); n > 0; n--)
            {
                var type = types[random.Next(types.Length)];
                var rating = type == "rating";
                text.Append(CultureInfo.InvariantCulture, $"E{s:D6},{type},")
                    .Append(rating ? competencies[random.Next(4)] : "").Append(',')
                    .Append(rating ? paths[random.Next(4)] : "").Append(',')
                    .Append(rating ? random.Next(1, 6).ToString(CultureInfo.InvariantCulture) : "").Append(',')
                    .Append(rating ? sources[random.Next(4)] : "").Append(',')
                    .Append(rating ? "P" + random.Next(500).ToString(CultureInfo.InvariantCulture) : "").Append(',')
                    .Append(new DateOnly(2025, 1, 1).AddDays(random.Next(540)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(CultureInfo.InvariantCulture, $"ev{++id:D8}\n");
            }
        }

        return text.ToString();
    }
}
