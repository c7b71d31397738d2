using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FairRubrics.Audit;

/// <summary>
/// Reads an audit JSON report into a <see cref="PublishedAudit"/>: JSON syntax first (a position from the parser),
/// then the shape of the report, every problem at the line and column of the value concerned.
/// </summary>
internal static class PublishedAuditReader
{
    /// <summary>The largest report read (an audit report is aggregates only: a few megabytes even for thousands of groups).</summary>
    internal const int MaxBytes = 256 << 20;

    public static PublishedAudit Read(Stream json, string source)
    {
        var bytes = ReadAll(json, source);
        if (Array.TrueForAll(bytes, b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw Fail(source, bytes, 0, "the file is empty; expected an audit JSON report");
        }

        Node root;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
            reader.Read();
            root = Parse(ref reader, source, bytes);
            if (reader.Read())
            {
                throw Fail(source, bytes, reader.TokenStartIndex, "unexpected text after the report");
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = ColumnOf(bytes, line, (int)(ex.BytePositionInLine ?? 0));
            throw new AuditReportFormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{line}:{column}: not valid JSON, so not an audit JSON report (fairrubrics audit --format json)"), ex) { Line = line, Column = column };
        }

        return new Shape(source, bytes).Report(root);
    }

    private static byte[] ReadAll(Stream json, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new AuditReportFormatException($"{source}: larger than {MaxBytes >> 20} MiB, so not an audit JSON report");
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;
    }

    private static Node Parse(ref Utf8JsonReader reader, string source, byte[] bytes)
    {
        var node = new Node(reader.TokenType, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                node.Properties = new Dictionary<string, Node>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var at = reader.TokenStartIndex;
                    var name = reader.GetString()!;
                    reader.Read();
                    if (!node.Properties.TryAdd(name, Parse(ref reader, source, bytes)))
                    {
                        throw Fail(source, bytes, at, $"the property '{name}' appears twice");
                    }
                }

                break;
            case JsonTokenType.StartArray:
                node.Items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(Parse(ref reader, source, bytes));
                }

                break;
            case JsonTokenType.String:
                node.Text = reader.GetString();
                break;
            case JsonTokenType.Number:
                node.Number = reader.TryGetDouble(out var d) ? d : double.NaN;
                node.Integer = reader.TryGetInt64(out var l) ? l : null;
                break;
        }

        return node;
    }

    internal static AuditReportFormatException Fail(string source, byte[] bytes, long offset, string what)
    {
        var (line, column) = Position(bytes, offset);
        return new AuditReportFormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{line}:{column}: not an audit JSON report (fairrubrics audit --format json): {what}")) { Line = line, Column = column };
    }

    private static (int Line, int Column) Position(byte[] bytes, long offset)
    {
        var end = (int)Math.Min(offset, bytes.Length);
        var line = 1;
        var start = 0;
        for (var i = 0; i < end; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, Encoding.UTF8.GetCharCount(bytes, start, end - start) + 1);
    }

    private static int ColumnOf(byte[] bytes, int line, int bytePosition)
    {
        var start = 0;
        for (var l = 1; l < line && start < bytes.Length; start++)
        {
            if (bytes[start] == (byte)'\n')
            {
                l++;
            }
        }

        var count = Math.Clamp(bytePosition, 0, bytes.Length - Math.Min(start, bytes.Length));
        return Encoding.UTF8.GetCharCount(bytes, Math.Min(start, bytes.Length), count) + 1;
    }

    internal sealed class Node(JsonTokenType kind, long offset)
    {
        public JsonTokenType Kind { get; } = kind;

        public long Offset { get; } = offset;

        public Dictionary<string, Node>? Properties { get; set; }

        public List<Node>? Items { get; set; }

        public string? Text { get; set; }

        public double Number { get; set; }

        public long? Integer { get; set; }

        public bool IsNull => Kind == JsonTokenType.Null;
    }

    /// <summary>Checks the report's shape (the fields of the audit contract that an earlier cycle is read for).</summary>
    private sealed class Shape(string source, byte[] bytes)
    {
        public PublishedAudit Report(Node root)
        {
            Expect(root, JsonTokenType.StartObject, "the report is a JSON object");
            var analyses = Require(root, "analyses", JsonTokenType.StartArray, "an array of the report's analyses");
            var minGroupSize = Count(Require(root, "minGroupSize", JsonTokenType.Number, "the report's minimum group size"), "minGroupSize");
            var subjects = Count(Require(root, "subjects", JsonTokenType.Number, "the number of results audited"), "subjects");
            var scored = Count(Require(root, "scored", JsonTokenType.Number, "the number of scored subjects"), "scored");
            string? rubric = null;
            if (root.Properties!.TryGetValue("rubric", out var r) && !r.IsNull)
            {
                Expect(r, JsonTokenType.String, "'rubric' is the rubric id, a string");
                rubric = r.Text;
            }

            if (minGroupSize is < 3 or > int.MaxValue)
            {
                throw Fail(source, bytes, root.Properties["minGroupSize"].Offset, "'minGroupSize' must be at least 3");
            }

            var list = new List<PublishedAnalysis>();
            foreach (var a in analyses.Items!)
            {
                Expect(a, JsonTokenType.StartObject, "each analysis is an object");
                var attributes = Strings(Require(a, "attributes", JsonTokenType.StartArray, "the analysis' attribute names"), "attributes");
                if (attributes.Count == 0)
                {
                    throw Fail(source, bytes, a.Properties!["attributes"].Offset, "an analysis names at least one attribute");
                }

                if (list.Any(x => x.Attributes.SequenceEqual(attributes, StringComparer.Ordinal)))
                {
                    throw Fail(source, bytes, a.Offset, "two analyses of the same attributes");
                }

                var groups = new List<PublishedGroup>();
                foreach (var g in Require(a, "groups", JsonTokenType.StartArray, "the analysis' groups").Items!)
                {
                    var group = Group(g, attributes.Count);
                    if (groups.Any(x => x.Values.SequenceEqual(group.Values, StringComparer.Ordinal)))
                    {
                        throw Fail(source, bytes, g.Offset, "two groups with the same values in one analysis");
                    }

                    groups.Add(group);
                }

                list.Add(new PublishedAnalysis(attributes, groups));
            }

            return new PublishedAudit(source, rubric, subjects, scored, (int)minGroupSize, list);
        }

        private PublishedGroup Group(Node g, int width)
        {
            Expect(g, JsonTokenType.StartObject, "each group is an object");
            var values = Strings(Require(g, "values", JsonTokenType.StartArray, "the group's values"), "values");
            if (values.Count != width)
            {
                throw Fail(source, bytes, g.Properties!["values"].Offset, string.Create(CultureInfo.InvariantCulture, $"a group of this analysis has {width} value(s), one per attribute"));
            }

            var suppressedNode = Require(g, "suppressed", null, "true or false");
            if (suppressedNode.Kind is not (JsonTokenType.True or JsonTokenType.False))
            {
                throw Fail(source, bytes, suppressedNode.Offset, "'suppressed' is true or false");
            }

            var suppressed = suppressedNode.Kind == JsonTokenType.True;
            var n = OptionalCount(g, "n");
            var favourable = OptionalCount(g, "favourable");
            var rate = OptionalNumber(g, "selectionRate");
            var ratio = OptionalNumber(g, "impactRatio");
            var isReference = g.Properties!.TryGetValue("reference", out var refNode) && refNode.Kind == JsonTokenType.True;
            bool? below = g.Properties.TryGetValue("belowFourFifths", out var b) ? b.Kind switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null } : null;
            if (suppressed && (n is not null || favourable is not null || rate is not null || ratio is not null))
            {
                throw Fail(source, bytes, g.Offset, "a suppressed group publishes no figures ('n', 'favourable', 'selectionRate' and 'impactRatio' are null)");
            }

            if (!suppressed && (n is not > 0 || favourable is null || favourable > n))
            {
                throw Fail(source, bytes, g.Offset, "a reported group has 'n' (at least 1) and 'favourable' (at most n)");
            }

            return new PublishedGroup
            {
                Values = values,
                Suppressed = suppressed,
                IsReference = isReference && !suppressed,
                N = n,
                Favourable = favourable,
                SelectionRate = rate,
                ImpactRatio = ratio,
                BelowFourFifths = below,
            };
        }

        private Node Require(Node parent, string name, JsonTokenType? kind, string what)
        {
            if (!parent.Properties!.TryGetValue(name, out var node))
            {
                throw Fail(source, bytes, parent.Offset, $"no '{name}' ({what})");
            }

            if (kind is { } k && node.Kind != k)
            {
                throw Fail(source, bytes, node.Offset, $"'{name}' must be {what}");
            }

            return node;
        }

        private void Expect(Node node, JsonTokenType kind, string what)
        {
            if (node.Kind != kind)
            {
                throw Fail(source, bytes, node.Offset, what);
            }
        }

        private long Count(Node node, string name) =>
            node.Integer is { } v && v >= 0 ? v : throw Fail(source, bytes, node.Offset, $"'{name}' must be a whole number, at least 0");

        private long? OptionalCount(Node parent, string name) =>
            !parent.Properties!.TryGetValue(name, out var node) || node.IsNull ? null : Count(node, name);

        private double? OptionalNumber(Node parent, string name)
        {
            if (!parent.Properties!.TryGetValue(name, out var node) || node.IsNull)
            {
                return null;
            }

            return node.Kind == JsonTokenType.Number && double.IsFinite(node.Number) && node.Number >= 0
                ? node.Number
                : throw Fail(source, bytes, node.Offset, $"'{name}' must be a number, at least 0, or null");
        }

        private List<string> Strings(Node array, string name)
        {
            var list = new List<string>();
            foreach (var item in array.Items!)
            {
                list.Add(item.Kind == JsonTokenType.String ? item.Text! : throw Fail(source, bytes, item.Offset, $"'{name}' holds strings only"));
            }

            return list;
        }
    }
}
