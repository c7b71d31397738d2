using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FairRubrics.HrService.Tests;

/// <summary>
/// What the service does over HTTP, run once per database (<see cref="SqliteServiceTests"/>,
/// <see cref="PostgresServiceTests"/>). Its answers are checked against the command line on the same data.
/// </summary>
public abstract class HrServiceContract
{
    private const string AsOf = "2026-07-01";

    protected abstract Task<Backend> CreateBackendAsync();

    [SkippableFact]
    public async Task Score_of_a_person_is_what_score_explain_guidance_writes_for_them()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        var rows = OrgData.EvidenceRows(subjects: 12);
        (await PostEvidence(client, OrgData.ToJson(rows))).StatusCode.Should().Be(HttpStatusCode.OK);

        var folder = Directory.CreateTempSubdirectory("hrservice-cli-").FullName;
        var output = Path.Combine(folder, "scores.jsonl");
        var (code, stderr) = Cli.Run("score", "--rubric", ServiceHost.Rubric, "--evidence", OrgData.WriteCsv(rows, folder), "--as-of", AsOf, "--explain", "--guidance", "--out", output, "--quiet");
        code.Should().Be(0, stderr);
        var expected = File.ReadAllLines(output);
        expected.Should().HaveCount(12);

        foreach (var subject in new[] { "E0001", "E0007", "E0012" })
        {
            var response = await client.GetAsync(new Uri($"/people/{subject}/score?rubric=professional-relationships&asOf={AsOf}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            var body = await response.Content.ReadAsStringAsync();
            body.Should().Be(expected.Single(l => l.StartsWith($"{{\"subject\":\"{subject}\"", StringComparison.Ordinal)));
            body.Should().Contain("\"guidance\"").And.Contain("\"explanation\"");
        }
    }

    [SkippableFact]
    public async Task A_bad_item_is_a_400_naming_its_index_and_field_and_nothing_of_the_batch_is_stored()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        var batch = OrgData.ToJson(OrgData.EvidenceRows(subjects: 2).Take(5));
        batch[3]!["value"] = "four";

        var response = await PostEvidence(client, batch);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["status"]!.GetValue<int>().Should().Be(400);
        problem["detail"]!.GetValue<string>().Should().StartWith("item 3, field 'value': must be a finite JSON number");
        problem["errors"]!.AsArray().Should().ContainSingle();
        problem["errors"]![0]!["index"]!.GetValue<int>().Should().Be(3);
        problem["errors"]![0]!["field"]!.GetValue<string>().Should().Be("value");
        var text = problem.ToJsonString();
        text.Should().NotContain("Exception").And.NotContain(" at ").And.NotContain("four");

        // The four good items of the batch were not stored either.
        (await client.GetAsync(new Uri($"/people/E0001/score?rubric=professional-relationships&asOf={AsOf}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Every_problem_of_a_batch_is_listed_with_its_index_and_field()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        var batch = JsonNode.Parse("""
            [
              { "subject": "E1", "type": "talk", "date": "2026-05-01" },
              { "type": "rating", "competency": "delivery", "value": 3 },
              { "subject": "E2", "type": "talk", "source": "boss", "date": "01/05/2026" },
              { "subject": "E3", "type": "talk", "gender": "female" },
              "not an object"
            ]
            """)!.AsArray();

        var response = await PostEvidence(client, batch);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsArray().Select(e => $"{e!["index"]}:{e["field"]?.GetValue<string>()}").ToList();
        errors.Should().Equal("1:subject", "1:path", "2:source", "2:date", "3:gender", "4:");
        var text = problem.ToJsonString();
        text.Should().Contain("protected attributes go to PUT /people/{id}/attributes").And.NotContain("female");
    }

    [SkippableFact]
    public async Task A_body_that_is_not_json_is_a_400_with_its_position()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();

        using var content = new StringContent("[{\"subject\": \"E1\",\n  \"type\": }]", Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri("/evidence", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["detail"]!.GetValue<string>().Should().Be("the body is not valid JSON at line 2, byte 11");
    }

    [SkippableFact]
    public async Task Protected_attributes_never_change_a_score()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        (await PostEvidence(client, OrgData.ToJson(OrgData.EvidenceRows(subjects: 3)))).StatusCode.Should().Be(HttpStatusCode.OK);
        var address = new Uri($"/people/E0002/score?rubric=professional-relationships&asOf={AsOf}", UriKind.Relative);
        var before = await client.GetStringAsync(address);

        using var attributes = JsonContent.Create(new Dictionary<string, string> { ["gender"] = "nonbinary-x", ["age-band"] = "50+" });
        (await client.PutAsync(new Uri("/people/E0002/attributes", UriKind.Relative), attributes)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var after = await client.GetStringAsync(address);

        after.Should().Be(before);
        after.Should().NotContain("nonbinary-x");
    }

    [SkippableFact]
    public async Task An_audit_of_everyone_in_the_database_is_the_audit_the_command_line_makes_from_files()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        var rows = OrgData.EvidenceRows();
        foreach (var chunk in rows.Chunk(10_000))
        {
            (await PostEvidence(client, OrgData.ToJson(chunk))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var (header, people) = OrgData.AttributeRows();
        foreach (var person in people)
        {
            var values = Enumerable.Range(1, header.Length - 1).ToDictionary(i => header[i], i => person[i].Length == 0 ? null : person[i]);
            using var content = JsonContent.Create(values);
            (await client.PutAsync(new Uri($"/people/{person[0]}/attributes", UriKind.Relative), content)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using var request = JsonContent.Create(new { rubric = "professional-relationships", attributes = new[] { "gender", "ethnicity" }, intersect = true, asOf = AsOf });
        var created = await client.PostAsync(new Uri("/audits", UriKind.Relative), request);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!;
        var posted = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var fetched = JsonNode.Parse(await client.GetStringAsync(location))!;
        JsonNode.DeepEquals(posted, fetched).Should().BeTrue();
        location.OriginalString.Should().Be($"/audits/{fetched["id"]!.GetValue<string>()}");
        fetched["asOf"]!.GetValue<string>().Should().Be(AsOf);

        var folder = Directory.CreateTempSubdirectory("hrservice-cli-").FullName;
        var evidence = OrgData.WriteCsv(rows, folder);
        var scores = Path.Combine(folder, "scores.jsonl");
        var report = Path.Combine(folder, "audit.json");
        Cli.Run("score", "--rubric", ServiceHost.Rubric, "--evidence", evidence, "--as-of", AsOf, "--out", scores, "--quiet").ExitCode.Should().Be(0);
        var (code, stderr) = Cli.Run(
            "audit", "--scores", scores, "--attributes", Path.Combine(ServiceHost.RepositoryRoot, "samples", "org", "attributes.csv"),
            "--by", "gender,ethnicity", "--intersect", "--rubric", ServiceHost.Rubric, "--evidence", evidence, "--format", "json", "--out", report, "--quiet");
        code.Should().BeOneOf([0, 1], stderr);
        var expected = JsonNode.Parse(File.ReadAllText(report))!;

        var actual = fetched["report"]!;
        actual["subjects"]!.GetValue<long>().Should().Be(1000);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"the service's report\n{actual.ToJsonString()}\nshould equal the command line's\n{expected.ToJsonString()}");
    }

    [SkippableFact]
    public async Task No_log_line_holds_a_subject_id_an_evidence_value_or_an_attribute()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        var batch = JsonNode.Parse("""
            [ { "subject": "secret-subject-7", "type": "rating", "competency": "delivery", "path": "outcomes", "value": 4, "source": "manager", "rater": "secret-rater", "id": "secret-evidence" },
              { "subject": "secret-subject-7", "type": "talk", "date": "2026-05-01" } ]
            """)!.AsArray();
        (await PostEvidence(client, batch)).StatusCode.Should().Be(HttpStatusCode.OK);
        var bad = JsonNode.Parse("""[ { "subject": "secret-subject-8", "type": "talk", "value": "secret-value", "gender": "secret-gender" } ]""")!.AsArray();
        (await PostEvidence(client, bad)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var attributes = JsonContent.Create(new Dictionary<string, string> { ["gender"] = "secret-attribute" });
        (await client.PutAsync(new Uri("/people/secret-subject-7/attributes", UriKind.Relative), attributes)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync(new Uri($"/people/secret-subject-7/score?rubric=professional-relationships&asOf={AsOf}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/people/secret-subject-9/score?rubric=professional-relationships", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var request = JsonContent.Create(new { rubric = "professional-relationships", attributes = new[] { "gender" }, asOf = AsOf });
        (await client.PostAsync(new Uri("/audits", UriKind.Relative), request)).StatusCode.Should().Be(HttpStatusCode.Created);

        host.Logs.Lines.Should().Contain(l => l.Message.Contains("Stored an evidence batch of 2 item(s)", StringComparison.Ordinal));
        host.Logs.Lines.Should().NotContain(l => l.Message.Contains("secret", StringComparison.OrdinalIgnoreCase) || l.Values.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Unknown_people_audits_and_rubrics_are_404_problems_and_bad_audit_requests_400()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();

        (await client.GetAsync(new Uri("/people/nobody/score?rubric=professional-relationships", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/people/E0001/score?rubric=no-such-rubric", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = await client.GetAsync(new Uri("/audits/0123456789abcdef", UriKind.Relative));
        audit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        audit.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        using var request = JsonContent.Create(new { rubric = "professional-relationships", attributes = Array.Empty<string>(), colour = "x" });
        var rejected = await client.PostAsync(new Uri("/audits", UriKind.Relative), request);
        rejected.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Should().Equal("colour", "attributes");
    }

    [SkippableFact]
    public async Task A_failure_inside_the_service_is_a_500_problem_without_a_stack_trace()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = new ServiceHost(backend);
        using var client = host.CreateClient();
        (await PostEvidence(client, OrgData.ToJson(OrgData.EvidenceRows(subjects: 2)))).StatusCode.Should().Be(HttpStatusCode.OK);
        await backend.ExecuteAsync("DROP TABLE evidence");

        foreach (var response in new[]
        {
            await PostEvidence(client, OrgData.ToJson(OrgData.EvidenceRows(subjects: 1))),
            await client.GetAsync(new Uri($"/people/E0001/score?rubric=professional-relationships&asOf={AsOf}", UriKind.Relative)),
        })
        {
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var text = await response.Content.ReadAsStringAsync();
            text.Should().NotContain("Exception").And.NotContain(" at ").And.NotContain("evidence").And.NotContain(".cs");
        }
    }

    private static async Task<HttpResponseMessage> PostEvidence(HttpClient client, JsonArray batch)
    {
        using var content = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/evidence", UriKind.Relative), content);
    }
}

/// <summary>The contract on SQLite, the service's default storage (nothing to install).</summary>
public sealed class SqliteServiceTests : HrServiceContract
{
    protected override Task<Backend> CreateBackendAsync() => Task.FromResult<Backend>(new SqliteBackend());
}

/// <summary>The contract on a real PostgreSQL server (FAIRRUBRICS_TEST_POSTGRES; CI starts one).</summary>
public sealed class PostgresServiceTests : HrServiceContract
{
    protected override async Task<Backend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}
