using FairRubrics.Evidence;
using FairRubrics.Fuzz;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Fuzzing;

/// <summary>
/// Replays every seed (fuzz/corpus) and every input a fuzzer found to crash (fuzz/regressions) through the same
/// targets that fuzz/run.sh runs under afl-fuzz, without AFL: reading an untrusted file may end in FairRubrics'
/// own documented exceptions, never in any other (docs/fuzzing.md).
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly string FuzzDirectory = Path.Combine(TestRubrics.RepositoryRoot, "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "corpus", "regressions" })
        {
            foreach (var target in FuzzTargets.Names)
            {
                var directory = Path.Combine(FuzzDirectory, folder, target);
                if (!Directory.Exists(directory))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
                {
                    data.Add(target, Path.GetRelativePath(FuzzDirectory, file).Replace('\\', '/'));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FuzzInput_ThrowsNothingButFairRubricsExceptions(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(FuzzDirectory, file));

        var run = () => FuzzTargets.Run(target, input);

        run.Should().NotThrow($"{file} must be read with diagnostics, rejected rows or a FairRubricsException");
    }

    [Fact]
    public void FuzzCorpus_HasSeedsForEveryTarget_AndStaysSmall()
    {
        var total = 0L;
        foreach (var target in FuzzTargets.Names)
        {
            var seeds = Directory.GetFiles(Path.Combine(FuzzDirectory, "corpus", target));
            seeds.Should().NotBeEmpty($"fuzz/corpus/{target} needs seeds");
            total += seeds.Sum(f => new FileInfo(f).Length);
        }

        total.Should().BeLessThan(200 * 1024, "a small corpus keeps the fuzzer fast; afl-fuzz finds the rest");
    }

    [Fact]
    public void FuzzTargets_UnknownTarget_IsAUsageError()
    {
        var run = () => FuzzTargets.Run("xml", []);

        run.Should().Throw<ArgumentException>().WithMessage("*unknown fuzz target 'xml'*");
    }

    [Fact]
    public void FuzzTargets_OnlyFairRubricsExceptions_AreExpected()
    {
        // The other side of the contract: the harness must not hide a crash. The evidence reader's
        // documented "cannot read at all" exception is expected; any other exception is a crash.
        var documented = () => FuzzTargets.Run("evidence-csv", "id,date\n1,2\n"u8.ToArray());

        documented.Should().NotThrow();
        FuzzTargets.IsExpected(new EvidenceFormatException("x")).Should().BeTrue();
        FuzzTargets.IsExpected(new FairRubricsException("x")).Should().BeTrue();
        FuzzTargets.IsExpected(new InvalidOperationException("x")).Should().BeFalse();
        FuzzTargets.IsExpected(new ArgumentException("x")).Should().BeFalse();
    }
}
