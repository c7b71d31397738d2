using System.Globalization;
using System.Text.Json;

namespace Acme.HrService.Storage;

/// <summary>The <c>audits</c> table; dates as ISO 8601 text, the report as JSON text.</summary>
internal sealed class SqlAuditStore(HrDatabase database) : IAuditStore
{
    public async Task SaveAsync(StoredAudit audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = HrDatabase.Command(
            connection,
            "INSERT INTO audits (id, created, rubric, rubric_version, as_of, attributes, report) VALUES (@id, @created, @rubric, @version, @asOf, @attributes, @report)");
        HrDatabase.Parameter(insert, "@id", audit.Id);
        HrDatabase.Parameter(insert, "@created", audit.Created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        HrDatabase.Parameter(insert, "@rubric", audit.Rubric);
        HrDatabase.Parameter(insert, "@version", audit.RubricVersion);
        HrDatabase.Parameter(insert, "@asOf", audit.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        HrDatabase.Parameter(insert, "@attributes", JsonSerializer.Serialize(audit.Attributes));
        HrDatabase.Parameter(insert, "@report", audit.ReportJson);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredAudit?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = HrDatabase.Command(connection, "SELECT id, created, rubric, rubric_version, as_of, attributes, report FROM audits WHERE id = @id");
        HrDatabase.Parameter(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredAudit(
            reader.GetString(0),
            DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            reader.GetString(2),
            reader.GetString(3),
            DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
            reader.GetString(6));
    }
}
