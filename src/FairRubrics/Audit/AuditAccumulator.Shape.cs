using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// The shape of the results: the rubric and competencies fixed by the first result, and the checks that later ones match.
public sealed partial class AuditAccumulator
{
    private void Start(IReadOnlyList<string> competencies, string? rubric)
    {
        _started = true;
        Competencies = [.. competencies];
        Rubric = rubric;
        _rubricUtf8 = rubric is null ? null : Encoding.UTF8.GetBytes(rubric);
        _competencyIdsUtf8 = [.. competencies.Select(Encoding.UTF8.GetBytes)];
        _paths = [.. competencies.Select(_ => new NameTable())];
        _pathLevels = [.. competencies.Select(_ => Array.Empty<Moments>())];
        _pathWins = [.. competencies.Select(_ => Array.Empty<long>())];
        _levels = new double[competencies.Count];
        _pathIds = new int[competencies.Count];
    }

    /// <summary>Throws for a result of another rubric or with other competencies (out of the hot path: its lambda allocates).</summary>
    private void CheckShape(AuditSubject subject) =>
        CheckShape(subject.Rubric, subject.Competencies.Count, c => string.Equals(subject.Competencies[c].Id, Competencies[c], StringComparison.Ordinal));

    private bool SameCompetencies(AuditSubject subject)
    {
        if (subject.Competencies.Count != Competencies.Count)
        {
            return false;
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            if (!string.Equals(subject.Competencies[c].Id, Competencies[c], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws for a result of another rubric or with other competencies (out of the hot path: its lambda allocates).</summary>
    private void CheckShape(ScoreRecord record) =>
        CheckShape(record.HasRubric ? Encoding.UTF8.GetString(record.Rubric) : null, record.CompetencyCount, c => record.CompetencyId(c).SequenceEqual(_competencyIdsUtf8[c]));

    private bool SameCompetencies(ScoreRecord record)
    {
        for (var c = 0; c < _competencyIdsUtf8.Length; c++)
        {
            if (!record.CompetencyId(c).SequenceEqual(_competencyIdsUtf8[c]))
            {
                return false;
            }
        }

        return true;
    }

    private void CheckShape(string? rubric, int competencies, Func<int, bool> sameId)
    {
        if (!string.Equals(rubric, Rubric, StringComparison.Ordinal))
        {
            throw new FairRubricsException($"The results mix rubrics ('{Rubric}' and '{rubric}'); audit one rubric at a time.");
        }

        if (competencies != Competencies.Count)
        {
            throw new FairRubricsException("The results do not all have the same competencies; audit results of one rubric version at a time.");
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            if (!sameId(c))
            {
                throw new FairRubricsException("The results do not all have the same competencies; audit results of one rubric version at a time.");
            }
        }
    }
}
