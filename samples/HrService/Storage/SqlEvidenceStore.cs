using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace Acme.HrService.Storage;

/// <summary>The evidence table through ADO.NET: the same SQL on SQLite and PostgreSQL.</summary>
internal sealed class SqlEvidenceStore(HrDatabase database) : IEvidenceStore
{
    private const string Columns = "seq, subject, type, competency, path, value, source, rater, date, evidence_id";

    public async Task AddAsync(IReadOnlyList<EvidenceItem> items, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = HrDatabase.Command(
            connection,
            "INSERT INTO evidence (subject, type, competency, path, value, source, rater, date, evidence_id) VALUES (@subject, @type, @competency, @path, @value, @source, @rater, @date, @id)",
            transaction);
        var subject = HrDatabase.Parameter(insert, "@subject", null);
        var type = HrDatabase.Parameter(insert, "@type", null);
        var competency = HrDatabase.Parameter(insert, "@competency", null);
        var path = HrDatabase.Parameter(insert, "@path", null);
        var value = HrDatabase.Parameter(insert, "@value", null);
        var source = HrDatabase.Parameter(insert, "@source", null);
        var rater = HrDatabase.Parameter(insert, "@rater", null);
        var date = HrDatabase.Parameter(insert, "@date", null);
        var id = HrDatabase.Parameter(insert, "@id", null);
        foreach (var item in items)
        {
            subject.Value = item.Subject;
            type.Value = item.Type;
            competency.Value = (object?)item.Competency ?? DBNull.Value;
            path.Value = (object?)item.Path ?? DBNull.Value;
            value.Value = item.Value is { } v ? v : DBNull.Value;
            source.Value = SourceName(item.Source);
            rater.Value = (object?)item.Rater ?? DBNull.Value;
            date.Value = item.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            id.Value = (object?)item.Id ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public IAsyncEnumerable<EvidenceItem> ReadSubjectAsync(string subject, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM evidence WHERE subject = @subject ORDER BY seq", subject, cancellationToken);

    public IAsyncEnumerable<EvidenceItem> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM evidence ORDER BY {database.SubjectOrder}, seq", null, cancellationToken);

    public async IAsyncEnumerable<AuditRating> ReadRatingsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = HrDatabase.Command(
            connection,
            $"SELECT subject, rater, value FROM evidence WHERE type = 'rating' AND rater IS NOT NULL AND value IS NOT NULL ORDER BY {database.SubjectOrder}, seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditRating(reader.GetString(0), reader.GetString(1), reader.GetDouble(2));
        }
    }

    private async IAsyncEnumerable<EvidenceItem> ReadAsync(string sql, string? subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = HrDatabase.Command(connection, sql);
        if (subject is not null)
        {
            HrDatabase.Parameter(command, "@subject", subject);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Item(reader);
        }
    }

    /// <summary>The item of one row; its <see cref="EvidenceItem.Row"/> is the row's sequence number, quoted when it has no id.</summary>
    private static EvidenceItem Item(DbDataReader reader) => new(
        Subject: reader.GetString(1),
        Type: reader.GetString(2),
        Competency: Text(reader, 3),
        Path: Text(reader, 4),
        Value: reader.IsDBNull(5) ? null : reader.GetDouble(5),
        Source: ParseSource(reader.GetString(6)),
        Rater: Text(reader, 7),
        Date: Text(reader, 8) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Id: Text(reader, 9),
        Row: reader.GetInt64(0));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static string SourceName(RaterSource source) => source switch
    {
        RaterSource.Self => "self",
        RaterSource.Manager => "manager",
        RaterSource.Peer => "peer",
        RaterSource.Report => "report",
        _ => "system",
    };

    private static RaterSource ParseSource(string name) => name switch
    {
        "self" => RaterSource.Self,
        "manager" => RaterSource.Manager,
        "peer" => RaterSource.Peer,
        "report" => RaterSource.Report,
        _ => RaterSource.System,
    };
}
