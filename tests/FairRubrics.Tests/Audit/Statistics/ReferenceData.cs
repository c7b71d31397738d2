using System.Text.Json;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit.Statistics;

/// <summary>
/// The committed reference values (reference/reference.json, written by reference/generate.py from 60-digit
/// and exact arithmetic, with SciPy's values alongside). The tests read the file; they never run Python.
/// </summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<ReferenceDocument> Document = new(Load);

    public static string FilePath =>
        Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Statistics", "reference", "reference.json");

    public static ReferenceDocument Values => Document.Value;

    /// <summary>|actual − expected| / |expected|; 0 when both are equal (including both 0).</summary>
    public static double RelativeError(double actual, double expected) =>
        actual == expected ? 0.0 : Math.Abs(actual - expected) / Math.Abs(expected);

    private static ReferenceDocument Load()
    {
        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize<ReferenceDocument>(stream, Options)
            ?? throw new InvalidOperationException("reference.json is empty");
    }
}

internal sealed record ReferenceDocument(
    List<FisherCase> Fisher,
    List<ZCase> ZTest,
    List<NormalTailCase> NormalTail,
    List<WilsonCase> Wilson,
    List<HedgesCase> Hedges,
    List<HedgesSummaryCase> HedgesSummary,
    List<ErfcCase> Erfc,
    List<LogFactorialCase> LogFactorial,
    List<LogPmfCase> HypergeometricLogPmf,
    List<PracticalCase> Practical);

internal sealed record FisherCase(string Name, int[] Table, double P, double Scipy, double? Published, int? PublishedDigits, string? Source)
{
    public override string ToString() => Name;
}

internal sealed record ZCase(string Name, int X1, int N1, int X2, int N2, double? Z, double? P, double? ScipyP);

internal sealed record NormalTailCase(double Z, double P, double ScipyP);

internal sealed record WilsonCase(string Name, int X, int N, double Lower, double Upper, double[]? Published);

internal sealed record HedgesCase(string Name, double[] Group, double[] Reference, double? G, double? Numpy);

internal sealed record HedgesSummaryCase(string Name, long N1, double Mean1, double Sd1, long N2, double Mean2, double Sd2, double G, double Published);

internal sealed record ErfcCase(double X, double Erfc);

internal sealed record LogFactorialCase(long N, double Value);

internal sealed record LogPmfCase(long X, long R1, long R2, long C1, double LogP);

internal sealed record PracticalCase(
    int A,
    int N,
    int ARef,
    int NRef,
    bool BelowFourFifths,
    bool Significant,
    long Shortfall,
    long FourFifthsShortfall,
    int? FlipFlopFourFifths,
    int? FlipFlopSignificance);
