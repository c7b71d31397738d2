using System.Text;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>Audits of files and folders of partitions: the same numbers however the input is cut, deterministic rejections.</summary>
public sealed class AuditFilesTests : IDisposable
{
    private static readonly string[] By = ["gender", "ethnicity"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fairrubrics-audit-files-" + Guid.NewGuid().ToString("N"));

    public AuditFilesTests() => Directory.CreateDirectory(_dir);

    private static string CaseDirectory => Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "cases", "large");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Accumulate_OneFile_GivesExactlyTheReportOfAddingEachResult()
    {
        var table = Attributes();
        var accumulator = new AuditAccumulator(By, intersect: true);
        var indexes = new[] { 0, 1 }.Select(i => table.Columns.ToList().IndexOf(By[i])).ToArray();
        var values = new string?[By.Length];
        using (var stream = File.OpenRead(Path.Combine(CaseDirectory, "scores.jsonl")))
        {
            foreach (var line in AuditInputReader.ReadScores(stream))
            {
                table.TryGetValues(line.Subject!.Subject, indexes, values);
                accumulator.Add(line.Subject, values);
            }
        }

        var read = AuditFiles.Accumulate(Path.Combine(CaseDirectory, "scores.jsonl"), table, By, intersect: true);

        Json(read.Accumulator).Should().Be(Json(accumulator));
        read.Accumulator.Subjects.Should().Be(accumulator.Subjects);
        read.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Accumulate_FolderOfPartitions_GivesTheSingleFileReport()
    {
        var lines = File.ReadAllLines(Path.Combine(CaseDirectory, "scores.jsonl"));
        for (var p = 0; p < 3; p++)
        {
            File.WriteAllLines(Path.Combine(_dir, $"unit-{p}.jsonl"), lines.Where((_, i) => i % 3 == p));
        }

        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a partition");
        File.WriteAllText(Path.Combine(_dir, "report.json"), "{ \"not\": \"a partition\" }");
        var table = Attributes();

        var single = AuditFiles.Accumulate(Path.Combine(CaseDirectory, "scores.jsonl"), table, By, intersect: true);
        var folder = AuditFiles.Accumulate(_dir, table, By, intersect: true);

        folder.Files.Select(Path.GetFileName).Should().Equal("unit-0.jsonl", "unit-1.jsonl", "unit-2.jsonl");
        AssertSameNumbers(Json(folder.Accumulator), Json(single.Accumulator));
        folder.WithoutAttributes.Should().Be(single.WithoutAttributes);
        folder.AttributeRowsWithResult.Should().Be(single.AttributeRowsWithResult);
    }

    [Fact]
    public void Accumulate_FileReadInManySmallRanges_GivesTheSameNumbersAndLineNumbers()
    {
        var lines = File.ReadAllLines(Path.Combine(CaseDirectory, "scores.jsonl")).ToList();
        lines.Insert(100, "{not json");
        lines.Insert(2000, lines[5]);          // a second result for a subject, far from the first
        lines.Insert(3000, string.Empty);
        var file = Path.Combine(_dir, "scores.jsonl");
        File.WriteAllText(file, string.Join("\r\n", lines));
        var table = Attributes();

        var whole = AuditFiles.Accumulate(file, table, By, intersect: true, new AuditFileOptions { MaxDegreeOfParallelism = 1 });
        var ranges = AuditFiles.Accumulate(file, table, By, intersect: true, new AuditFileOptions { RangeBytes = 8192 });

        whole.Problems.Select(p => (p.Line, p.Reason)).Should().Equal((101L, "not valid JSON"), (2001L, "a second result for a subject already audited"));
        ranges.Problems.Should().Equal(whole.Problems);
        AssertSameNumbers(Json(ranges.Accumulator), Json(whole.Accumulator));
    }

    [Fact]
    public void Accumulate_SubjectInTwoPartitions_RejectsTheResultInTheLaterFile()
    {
        File.WriteAllText(Path.Combine(_dir, "a.jsonl"), Line("s1", 4.5, "Exceptional") + "\n" + Line("s2", 1, "Developing") + "\n");
        File.WriteAllText(Path.Combine(_dir, "b.jsonl"), Line("s3", 2, "Developing") + "\n" + Line("s1", 1, "Developing") + "\n");
        var table = Table("subject,gender\ns1,female\ns2,male\ns3,female\n");

        for (var run = 0; run < 5; run++)
        {
            var read = AuditFiles.Accumulate(_dir, table, ["gender"], intersect: false);

            read.Problems.Should().Equal(new ScoreFileProblem(Path.Combine(_dir, "b.jsonl"), 2, "a second result for a subject already audited"));
            read.Accumulator.Subjects.Should().Be(3);
            read.Accumulator.Groups[0][AuditAccumulator.KeyOf(["female"])].Bands.Should().ContainKey("Exceptional");
        }
    }

    [Fact]
    public void Accumulate_ResultOfAnotherRubric_ThrowsWithFileAndLine()
    {
        var file = Path.Combine(_dir, "scores.jsonl");
        File.WriteAllText(file, Line("s1", 2, "Solid") + "\n\n" + Line("s2", 2, "Solid").Replace("\"rubric\":\"r\"", "\"rubric\":\"other\"", StringComparison.Ordinal) + "\n");

        var act = () => AuditFiles.Accumulate(file, Table("subject,gender\ns1,female\n"), ["gender"], intersect: false);

        act.Should().Throw<FairRubricsException>().WithMessage($"{file}:3: The results mix rubrics*");
    }

    [Fact]
    public void Accumulate_FolderOfSparkOutput_ReadsItsPartFiles()
    {
        File.WriteAllText(Path.Combine(_dir, "part-00000-1a2b.json"), Line("s1", 4.5, "Exceptional") + "\n");
        File.WriteAllText(Path.Combine(_dir, "part-00001-1a2b.json"), Line("s2", 1, "Developing") + "\n");
        File.WriteAllText(Path.Combine(_dir, "_SUCCESS"), string.Empty);

        var read = AuditFiles.Accumulate(_dir, Table("subject,gender\ns1,female\ns2,male\n"), ["gender"], intersect: false);

        read.Files.Select(Path.GetFileName).Should().Equal("part-00000-1a2b.json", "part-00001-1a2b.json");
        read.Accumulator.Subjects.Should().Be(2);
    }

    [Fact]
    public void Accumulate_FolderWithoutPartitions_Throws()
    {
        var act = () => AuditFiles.Accumulate(_dir, Table("subject,gender\ns1,female\n"), ["gender"], intersect: false);

        act.Should().Throw<FairRubricsException>().WithMessage("*has no .jsonl (or part-*.json) file*");
    }

    [Theory]
    [InlineData(1_000_000, 1)]   // every result waits in the range's deferred list until the table is there
    [InlineData(1_000_000, 4)]
    [InlineData(50, 2)]          // the list fills up and the range waits for the table
    public async Task Accumulate_WhileTheTableIsStillBeingRead_GivesTheReportOfReadingItFirst(int maxDeferred, int parallelism)
    {
        var lines = File.ReadAllLines(Path.Combine(CaseDirectory, "scores.jsonl")).ToList();
        lines.Insert(100, "{not json");
        lines.Insert(150, lines[5]);           // a second result for a subject, joined late
        lines.Insert(151, "[1]");
        lines.Insert(2000, lines[7]);
        var file = Path.Combine(_dir, "scores.jsonl");
        File.WriteAllLines(file, lines);
        var table = Attributes();
        var first = AuditFiles.Accumulate(file, table, By, intersect: true, new AuditFileOptions { MaxDegreeOfParallelism = 1 });
        using var release = new ManualResetEventSlim();
        var reading = Task.Run(() =>
        {
            release.Wait();
            return Attributes();
        });
        var options = new AuditFileOptions { MaxDegreeOfParallelism = parallelism, RangeBytes = 16_384, MaxDeferred = maxDeferred };

        var later = Task.Run(() => AuditFiles.Accumulate(file, reading, By, intersect: true, options));
        await Task.Delay(200);
        release.Set();
        var read = await later;

        read.Problems.Should().Equal(first.Problems);
        read.Problems.Select(p => p.Line).Should().Equal(101L, 151L, 152L, 2001L);
        AssertSameNumbers(Json(read.Accumulator), Json(first.Accumulator));
        read.Accumulator.Subjects.Should().Be(first.Accumulator.Subjects);
        read.WithoutAttributes.Should().Be(first.WithoutAttributes);
        read.AttributeRowsWithResult.Should().Be(first.AttributeRowsWithResult);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Accumulate_ResultOfAnotherRubricInARangeJoinedLate_ThrowsWithFileAndLine(int parallelism)
    {
        // Every range is read before the table is there: each waits, whole, for its worker to join it later.
        var file = Path.Combine(_dir, "scores.jsonl");
        var lines = Enumerable.Range(1, 3000).Select(i => Line(FormattableString.Invariant($"s{i}"), 2, "Solid")).ToArray();
        lines[2499] = lines[2499].Replace("\"rubric\":\"r\"", "\"rubric\":\"other\"", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var csv = "subject,gender\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => FormattableString.Invariant($"s{i},{(i % 2 == 0 ? "female" : "male")}\n")));
        using var release = new ManualResetEventSlim();
        var reading = Task.Run(() =>
        {
            release.Wait();
            return Table(csv);
        });
        var options = new AuditFileOptions { MaxDegreeOfParallelism = parallelism, RangeBytes = 16_384, MaxDeferred = 1_000_000 };

        var later = Task.Run(() => AuditFiles.Accumulate(file, reading, ["gender"], intersect: false, options));
        await Task.Delay(200);
        release.Set();
        var act = async () => await later;

        await act.Should().ThrowAsync<FairRubricsException>().WithMessage($"{file}:2500: The results mix rubrics*");
    }

    [Fact]
    public async Task Accumulate_ColumnNotInATableReadAfterEveryRange_ThrowsArgumentException()
    {
        using var release = new ManualResetEventSlim();
        var reading = Task.Run(() =>
        {
            release.Wait();
            return Attributes();
        });
        var options = new AuditFileOptions { MaxDegreeOfParallelism = 2, RangeBytes = 16_384, MaxDeferred = 1_000_000 };

        var later = Task.Run(() => AuditFiles.Accumulate(Path.Combine(CaseDirectory, "scores.jsonl"), reading, ["gender", "age"], intersect: false, options));
        await Task.Delay(200);
        release.Set();
        var act = async () => await later;

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'age' is not a column*");
    }

    [Fact]
    public void Accumulate_TableThatCannotBeRead_ThrowsItsError()
    {
        var reading = Task.FromException<AttributeTable>(new FairRubrics.Evidence.EvidenceFormatException("the attributes file needs a 'subject' column and one column per attribute"));

        var read = () => AuditFiles.Accumulate(Path.Combine(CaseDirectory, "scores.jsonl"), reading, By, intersect: true);

        read.Should().Throw<FairRubrics.Evidence.EvidenceFormatException>().WithMessage("*'subject' column*");
    }

    [Fact]
    public void Accumulate_ColumnNotInTheTableBeingRead_ThrowsArgumentException()
    {
        var reading = Task.Run(Attributes);

        var read = () => AuditFiles.Accumulate(Path.Combine(CaseDirectory, "scores.jsonl"), reading, ["gender", "age"], intersect: false);

        read.Should().Throw<ArgumentException>().WithMessage("*'age' is not a column*");
    }

    private static string Line(string subject, double overall, string band) =>
        FormattableString.Invariant($$"""{"subject":"{{subject}}","rubric":"r","status":"scored","overall":{{overall}},"band":"{{band}}","competencies":[{"id":"c","level":{{overall}},"path":"p"}]}""");

    private static AttributeTable Table(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return AuditInputReader.ReadAttributes(stream);
    }

    private static AttributeTable Attributes()
    {
        using var stream = File.OpenRead(Path.Combine(CaseDirectory, "attributes.csv"));
        return AuditInputReader.ReadAttributes(stream);
    }

    private static string Json(AuditAccumulator accumulator)
    {
        var options = new AuditOptions { Intersect = true };
        options.FavourableBands.Add("Exceptional");
        options.FavourableBands.Add("Strong");
        var report = new BiasAuditor().Report(accumulator, options);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AuditJson.Write(writer, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Same report: every string, count and decision equal, every other number to 1e-12 relative or absolute (moments merged in another order; an effect size near 0 is a difference of nearly equal means).</summary>
    private static void AssertSameNumbers(string actual, string expected)
    {
        using var a = JsonDocument.Parse(actual);
        using var e = JsonDocument.Parse(expected);
        Compare(a.RootElement, e.RootElement, "$");
    }

    private static void Compare(JsonElement a, JsonElement e, string at)
    {
        a.ValueKind.Should().Be(e.ValueKind, at);
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                a.EnumerateObject().Select(p => p.Name).Should().Equal(e.EnumerateObject().Select(p => p.Name), at);
                foreach (var property in e.EnumerateObject())
                {
                    Compare(a.GetProperty(property.Name), property.Value, at + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                a.GetArrayLength().Should().Be(e.GetArrayLength(), at);
                for (var i = 0; i < e.GetArrayLength(); i++)
                {
                    Compare(a[i], e[i], $"{at}[{i}]");
                }

                break;
            case JsonValueKind.Number:   // counts too: below 10^12, 1e-12 relative means equal
                a.GetDouble().Should().BeApproximately(e.GetDouble(), Math.Max(Math.Abs(e.GetDouble()) * 1e-12, 1e-12), at);
                break;
            default:
                a.GetRawText().Should().Be(e.GetRawText(), at);
                break;
        }
    }
}
