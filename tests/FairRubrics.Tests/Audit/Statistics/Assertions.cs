using System.Globalization;

namespace FairRubrics.Tests.Audit.Statistics;

/// <summary>Relative-error assertions for the statistics tests.</summary>
internal static class Assertions
{
    /// <summary>The smallest positive normal double; below it relative accuracy is not defined.</summary>
    public const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>Collects relative errors over many cases and reports every case beyond the tolerance at once.</summary>
    public sealed class ErrorReport(double tolerance)
    {
        private readonly List<string> _failures = [];

        public double Max { get; private set; }

        public void Add(string name, double actual, double expected)
        {
            double error;
            if (Math.Abs(expected) < SmallestNormal)
            {
                // Underflowed (or subnormal) references: require the same, to within the smallest normal.
                error = Math.Abs(actual - expected) < SmallestNormal ? 0.0 : double.PositiveInfinity;
            }
            else
            {
                error = ReferenceData.RelativeError(actual, expected);
            }

            Max = Math.Max(Max, error);
            if (!(error <= tolerance))
            {
                _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {actual:R} vs {expected:R} (relative error {error:E2})"));
            }
        }

        public void ShouldPass() =>
            _failures.Should().BeEmpty(string.Create(CultureInfo.InvariantCulture, $"every case should be within {tolerance:E0} relative (max {Max:E2})"));
    }
}
