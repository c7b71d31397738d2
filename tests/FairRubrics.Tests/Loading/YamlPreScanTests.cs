using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;
using YamlDotNet.Core;

namespace FairRubrics.Tests.Loading;

/// <summary>
/// The pre-scan (<see cref="YamlPreScan"/>) against YamlDotNet itself, on every YAML file of the repository and on
/// mutations of them: it must never count a scalar longer than YamlDotNet reads it (or it would reject files that are
/// within the limits), and the loader with it must answer as a full parse does.
/// </summary>
public sealed class YamlPreScanTests
{
    private const string Specials = "[]{}:,-?#'\"|>&*! \n\t\\";

    [Fact]
    public void PreScan_NeverCountsAScalarLongerThanYamlDotNetReadsIt()
    {
        var compared = 0;
        foreach (var (name, text) in Texts())
        {
            var (scalars, scannedTo) = YamlDotNetScalars(text);
            YamlPreScan.Scan(text, int.MaxValue, int.MaxValue, (start, length) =>
            {
                if (start >= scannedTo)
                {
                    return; // YamlDotNet stopped at an error before this scalar
                }

                scalars.Should().ContainKey(start, $"the pre-scan saw a scalar at {start} of {name}");
                scalars[start].Should().BeGreaterThanOrEqualTo((int)Math.Min(length, int.MaxValue), $"the scalar at {start} of {name} is that long");
                compared++;
            });
        }

        compared.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Loader_WithThePreScan_AnswersAsAFullParse()
    {
        var tight = new RubricLoaderOptions { MaxScalarLength = 40, MaxDepth = 4 };
        foreach (var (name, text) in Texts())
        {
            foreach (var options in new[] { new RubricLoaderOptions(), tight })
            {
                var withPreScan = new DiagnosticBag();
                var full = new DiagnosticBag();
                var root = YamlTreeReader.Read(text, "f", options, withPreScan);
                var fullRoot = YamlTreeReader.ReadParsed(text, "f", options, full, requireMapping: true);

                if (withPreScan.Items.Any(d => d.Message.StartsWith("this value is at least", StringComparison.Ordinal)))
                {
                    // Rejected before parsing: the parse must fail too (it may stop at another error first).
                    fullRoot.Should().BeNull($"{name} was rejected by the pre-scan (limit {options.MaxScalarLength})");
                    full.HasErrors.Should().BeTrue();
                    continue;
                }

                (root is null).Should().Be(fullRoot is null, name);
                withPreScan.Items.Select(d => d.ToString()).Should().Equal(full.Items.Select(d => d.ToString()), $"{name} (max depth {options.MaxDepth})");
            }
        }
    }

    [Theory]
    [InlineData("a: b\n", 0)]
    [InlineData("a: [x, 'y', \"z\"]\n", 0)]
    [InlineData("a: [[[[[x]]]]]\n", 6)]
    [InlineData("a:\n  - b:\n      - [c]\n", 5)]
    public void PreScan_ReportsDepthBeyondTheLimit(string yaml, int depth)
    {
        YamlPreScan.Scan(yaml, 100, 4).Kind.Should().Be(depth > 4 ? YamlPreScan.FindingKind.TooDeep : YamlPreScan.FindingKind.None);
    }

    /// <summary>
    /// Every YAML file in the repository, and a few deterministic mutations of each, seeded by the file's own path: a
    /// file added elsewhere in the repository does not change the mutations of the others.
    /// </summary>
    private static IEnumerable<(string Name, string Text)> Texts()
    {
        var files = Directory.EnumerateFiles(TestRubrics.RepositoryRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal) // the test tools' npm packages: not the project's files
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)
                    || f.Contains(Path.Combine("fuzz", "corpus", "rubric"), StringComparison.Ordinal)
                    || f.Contains(Path.Combine("fuzz", "regressions", "rubric"), StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        files.Should().HaveCountGreaterThan(50);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).TrimStart('\uFEFF');
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                continue;
            }

            var name = Path.GetRelativePath(TestRubrics.RepositoryRoot, file);
            var random = new Random(StableSeed(name.Replace('\\', '/')));
            yield return (name, text);
            var lines = text.Split('\n');
            for (var variant = 0; variant < 12; variant++)
            {
                var kind = random.Next(5);
                var chars = text.ToCharArray().ToList();
                var mutated = kind switch
                {
                    0 => text[..random.Next(text.Length + 1)],
                    1 => string.Join('\n', lines.Where((_, i) => i != random.Next(lines.Length))),
                    2 => Insert(chars, random),
                    3 => string.Join('\n', lines.Select((l, i) => i % 7 == random.Next(7) ? new string(' ', random.Next(4)) + l : l)),
                    _ => Replace(chars, random),
                };
                yield return ($"{name} (mutation {variant})", mutated);
            }
        }
    }

    /// <summary>A seed from a path that is the same on every run and machine (string.GetHashCode is randomised per process).</summary>
    private static int StableSeed(string path)
    {
        var hash = 4;
        foreach (var c in path)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & int.MaxValue;
    }

    private static string Insert(List<char> chars, Random random)
    {
        for (var k = 0; k < 3; k++)
        {
            chars.Insert(random.Next(chars.Count + 1), Specials[random.Next(Specials.Length)]);
        }

        return new string([.. chars]);
    }

    private static string Replace(List<char> chars, Random random)
    {
        for (var k = 0; k < 3 && chars.Count > 0; k++)
        {
            chars[random.Next(chars.Count)] = Specials[random.Next(Specials.Length)];
        }

        return new string([.. chars]);
    }

    /// <summary>The scalars YamlDotNet's scanner reads (start index to value length), up to its first error.</summary>
    private static (Dictionary<int, int> Scalars, long ScannedTo) YamlDotNetScalars(string text)
    {
        var scalars = new Dictionary<int, int>();
        long scannedTo = -1;
        try
        {
            var scanner = new Scanner(new StringReader(text));
            while (scanner.MoveNext())
            {
                var token = scanner.Current!;
                if (token.GetType().Name == "Error")
                {
                    break;
                }

                if (token is not YamlDotNet.Core.Tokens.BlockEnd and not YamlDotNet.Core.Tokens.StreamEnd)
                {
                    scannedTo = token.Start.Index;
                }

                if (token is YamlDotNet.Core.Tokens.Scalar scalar)
                {
                    scalars[(int)scalar.Start.Index] = scalar.Value.Length;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            // The scalars before the error are compared.
        }

        return (scalars, scannedTo);
    }
}
