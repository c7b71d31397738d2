namespace Acme.HrService.Storage;

/// <summary>
/// The tables. Evidence and protected attributes are in separate tables read by separate stores: the scoring path
/// (<see cref="IEvidenceStore"/>) has no query that touches <c>protected_attributes</c>, so no attribute can reach a
/// score; only the audit joins them in, by subject, after scoring.
/// </summary>
internal static class Schema
{
    public static IEnumerable<string> Statements(bool postgres)
    {
        var key = postgres ? "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "seq INTEGER PRIMARY KEY AUTOINCREMENT";
        var number = postgres ? "DOUBLE PRECISION" : "REAL";
        yield return $"""
            CREATE TABLE IF NOT EXISTS evidence (
              {key},
              subject TEXT NOT NULL,
              type TEXT NOT NULL,
              competency TEXT NULL,
              path TEXT NULL,
              value {number} NULL,
              source TEXT NOT NULL,
              rater TEXT NULL,
              date TEXT NULL,
              evidence_id TEXT NULL)
            """;
        yield return "CREATE INDEX IF NOT EXISTS evidence_by_subject ON evidence (subject, seq)";
        yield return """
            CREATE TABLE IF NOT EXISTS protected_attributes (
              subject TEXT NOT NULL,
              name TEXT NOT NULL,
              value TEXT NOT NULL,
              PRIMARY KEY (subject, name))
            """;
        yield return """
            CREATE TABLE IF NOT EXISTS audits (
              id TEXT NOT NULL PRIMARY KEY,
              created TEXT NOT NULL,
              rubric TEXT NOT NULL,
              rubric_version TEXT NOT NULL,
              as_of TEXT NOT NULL,
              attributes TEXT NOT NULL,
              report TEXT NOT NULL)
            """;
    }
}
