using Npgsql;

namespace FairRubrics.HrService.Tests;

/// <summary>A database for one test: settings for the service, and clean-up.</summary>
public abstract class Backend : IAsyncDisposable
{
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract ValueTask DisposeAsync();

    /// <summary>Runs one statement on the service's database behind its back (to break it on purpose).</summary>
    public abstract Task ExecuteAsync(string sql);
}

/// <summary>A fresh SQLite file in a temporary folder (the service's default storage).</summary>
public sealed class SqliteBackend : Backend
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hrservice-tests-").FullName;

    public string File => Path.Combine(_folder, "hrservice.db");

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["HrService:SqliteFile"] = File };

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temporary folder is cleaned by the system.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh schema on the PostgreSQL server named by <c>FAIRRUBRICS_TEST_POSTGRES</c> (a connection string), used
/// through the connection string's search path and dropped afterwards.
/// </summary>
public sealed class PostgresBackend : Backend
{
    public const string Variable = "FAIRRUBRICS_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _schema = "hrservice_test_" + Guid.NewGuid().ToString("N");

    private PostgresBackend(string connectionString)
    {
        _admin = connectionString;
        Service = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema }.ToString();
    }

    public string Service { get; }

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ConnectionStrings:HrService"] = Service };

    /// <summary>Skips the test when no server is configured, except in CI (CI=true), where that is a failure.</summary>
    public static async Task<PostgresBackend> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true but {Variable} is not set: .ci/run's postgresql block must start a server and export it");
            }

            Skip.If(true, $"no PostgreSQL server: set {Variable} to a connection string (e.g. Host=127.0.0.1;Username=hrservice;Password=hrservice;Database=hrservice); CI starts one");
        }

        var backend = new PostgresBackend(connectionString!);
        await using var connection = new NpgsqlConnection(backend._admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{backend._schema}\"", connection);
        await command.ExecuteNonQueryAsync();
        return backend;
    }

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Service);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
