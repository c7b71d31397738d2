using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Acme.HrService.Storage;

/// <summary>
/// The service's database: PostgreSQL when <c>ConnectionStrings:HrService</c> is set, else SQLite in a file under
/// the content root (<c>HrService:SqliteFile</c>, default <c>hrservice.db</c>). One connection per operation, from
/// the provider's pool. The SQL is the same on both but for the few places <see cref="IsPostgres"/> decides.
/// </summary>
internal sealed class HrDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private HrDatabase(NpgsqlDataSource? postgres, string? sqlite)
    {
        _postgres = postgres;
        _sqlite = sqlite;
    }

    /// <summary>Gets a value indicating whether the database is PostgreSQL (else SQLite).</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>Gets the engine's name, for the logs: <c>postgresql</c> or <c>sqlite</c>.</summary>
    public string Engine => IsPostgres ? "postgresql" : "sqlite";

    /// <summary>Gets the SQL that orders rows by subject ordinally (byte order), as the library orders subjects.</summary>
    public string SubjectOrder => IsPostgres ? "subject COLLATE \"C\"" : "subject";

    public static HrDatabase Create(IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("HrService");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new HrDatabase(NpgsqlDataSource.Create(connectionString), null);
        }

        var file = Path.GetFullPath(configuration[$"{HrServiceSetup.Section}:SqliteFile"] ?? "hrservice.db", contentRoot);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        return new HrDatabase(null, sqlite);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the tables when they are missing (idempotent).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (!IsPostgres)
        {
            // Readers (scoring, audits) and a writer (a batch of evidence) do not block each other.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        }

        foreach (var statement in Schema.Statements(IsPostgres))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }
    }

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is the service's own constant text; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
