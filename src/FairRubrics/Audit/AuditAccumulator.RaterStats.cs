using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// The statistics of one rater, for the rater-effect analysis.
public sealed partial class AuditAccumulator
{
    /// <summary>One rater's ratings, per value of each attribute of the rated subjects.</summary>
    internal sealed class RaterStats(int attributes)
    {
        public Dictionary<string, Moments>[] ByValue { get; } = [.. Enumerable.Range(0, attributes).Select(_ => new Dictionary<string, Moments>(StringComparer.Ordinal))];

        public Moments All { get; private set; }

        public void Add(double value, IReadOnlyList<string?> attributeValues)
        {
            All = All.Add(value);
            for (var a = 0; a < ByValue.Length; a++)
            {
                if (!string.IsNullOrWhiteSpace(attributeValues[a]))
                {
                    var key = attributeValues[a]!.Trim();
                    ByValue[a][key] = ByValue[a].GetValueOrDefault(key).Add(value);
                }
            }
        }

        public void Merge(RaterStats other)
        {
            All = Moments.Merge(All, other.All);
            for (var a = 0; a < ByValue.Length; a++)
            {
                foreach (var (key, moments) in other.ByValue[a])
                {
                    ByValue[a][key] = Moments.Merge(ByValue[a].GetValueOrDefault(key), moments);
                }
            }
        }

        public RaterStats Clone()
        {
            var copy = new RaterStats(ByValue.Length);
            copy.Merge(this);
            return copy;
        }
    }
}
