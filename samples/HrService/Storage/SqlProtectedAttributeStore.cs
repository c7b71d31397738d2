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

    public async Task<bool> TryGetAsync(string subject, IReadOnlyList<string> names, string?[] values, CancellationToken cancellationToken)
    {
        Array.Clear(values);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = HrDatabase.Command(connection, "SELECT name, value FROM protected_attributes WHERE subject = @subject");
        HrDatabase.Parameter(command, "@subject", subject);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var any = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            any = true;
            var name = reader.GetString(0);
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, StringComparison.Ordinal))
                {
                    values[i] = reader.GetString(1);
                }
            }
        }

        return any;
    }
}
