namespace Acme.HrService.Storage;

/// <summary>The <c>protected_attributes</c> table (subject, name, value).</summary>
internal sealed class SqlProtectedAttributeStore(HrDatabase database) : IProtectedAttributeStore
{
    public async Task ReplaceAsync(string subject, IReadOnlyDictionary<string, string?> attributes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = HrDatabase.Command(connection, "DELETE FROM protected_attributes WHERE subject = @subject", transaction))
        {
            HrDatabase.Parameter(delete, "@subject", subject);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = HrDatabase.Command(connection, "INSERT INTO protected_attributes (subject, name, value) VALUES (@subject, @name, @value)", transaction);
        HrDatabase.Parameter(insert, "@subject", subject);
        var name = HrDatabase.Parameter(insert, "@name", null);
        var value = HrDatabase.Parameter(insert, "@value", null);
        foreach (var (key, text) in attributes)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            name.Value = key;
            value.Value = text.Trim();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        if (subjects.Count == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = HrDatabase.Command(connection, string.Empty);
        var placeholders = new string[subjects.Count];
        for (var i = 0; i < subjects.Count; i++)
        {
            placeholders[i] = "@s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            HrDatabase.Parameter(command, placeholders[i], subjects[i]);
        }

#pragma warning disable CA2100 // Only generated parameter names are spliced in; the values are parameters.
        command.CommandText = $"SELECT subject, name, value FROM protected_attributes WHERE subject IN ({string.Join(", ", placeholders)})";
#pragma warning restore CA2100
        var wanted = new HashSet<string>(names, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var subject = reader.GetString(0);
            if (!result.TryGetValue(subject, out var row))
            {
                result[subject] = row = new Dictionary<string, string?>(StringComparer.Ordinal);
            }

            if (wanted.Contains(reader.GetString(1)))
            {
                ((Dictionary<string, string?>)row)[reader.GetString(1)] = reader.GetString(2);
            }
        }

        return result;
    }
}
