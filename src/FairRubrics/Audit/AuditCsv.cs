using System.Globalization;
using CsvHelper;

namespace FairRubrics.Audit;

/// <summary>
/// Writes an audit's group statistics as CSV for spreadsheets: one row per group of each analysis. Text is always
/// quoted and a text that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR) is prefixed with <c>'</c>; numbers are written as numbers at full precision.
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "attributes", "values", "n", "suppressed", "reference", "favourable", "selectionRate", "wilsonLower", "wilsonUpper",
        "impactRatio", "belowFourFifths", "fisherP", "z", "zP", "shortfall", "scoringRate", "scoringImpactRatio", "meanScore", "hedgesG",
        "referenceRule", "fisherPAdjusted", "zPAdjusted", "pAdjustment",
    ];

    private static readonly string[] BaselineHeader =
    [
        "baselineSuppressed", "baselineN", "baselineFavourable", "baselineSelectionRate", "baselineImpactRatio",
        "changeSelectionRate", "changeImpactRatio", "changeZ", "changeZP", "changeFisherP",
    ];

    /// <summary>Writes the report's groups.</summary>
    /// <param name="writer">Where to write (not closed).</param>
    /// <param name="report">The report.</param>
    public static void Write(TextWriter writer, AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var options = new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            FormatProvider = CultureInfo.InvariantCulture,
            NewLine = "\n",
        };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        foreach (var name in report.Baseline is null ? Header : [.. Header, .. BaselineHeader])
        {
            csv.WriteField(name, CsvQuoting.Always);
        }

        csv.EndRecord();
        foreach (var analysis in report.Analyses)
        {
            foreach (var g in analysis.Groups)
            {
                csv.WriteField(string.Join(" x ", analysis.Attributes), CsvQuoting.Always);
                csv.WriteField(string.Join(" x ", g.Values), CsvQuoting.Always);
                Number(csv, g.N);
                csv.WriteField(g.Suppressed);
                csv.WriteField(g.IsReference);
                Number(csv, g.Favourable);
                Number(csv, g.SelectionRate);
                Number(csv, g.SelectionRateLower);
                Number(csv, g.SelectionRateUpper);
                Number(csv, g.ImpactRatio);
                if (g.BelowFourFifths is { } below)
                {
                    csv.WriteField(below);
                }
                else
                {
                    csv.WriteField((string?)null);
                }

                Number(csv, g.FisherP);
                Number(csv, g.Z);
                Number(csv, g.ZP);
                Number(csv, g.Shortfall);
                Number(csv, g.ScoringRate);
                Number(csv, g.ScoringImpactRatio);
                Number(csv, g.MeanScore);
                Number(csv, g.HedgesG);
                csv.WriteField(AuditText.RuleName(analysis.ReferenceRule), CsvQuoting.Always);
                Number(csv, g.FisherPAdjusted);
                Number(csv, g.ZPAdjusted);
                csv.WriteField(AuditText.AdjustmentKey(report.PValueAdjustment), CsvQuoting.Always);
                if (report.Baseline is not null)
                {
                    WriteChange(csv, g);
                }

                csv.EndRecord();
            }
        }

        csv.Flush();
    }

    /// <summary>The earlier cycle's figures and the change; empty cells where the group was not reported in both cycles.</summary>
    private static void WriteChange(CsvWriter csv, GroupResult g)
    {
        if (g.Baseline is { } b)
        {
            csv.WriteField(b.Suppressed);
        }
        else
        {
            csv.WriteField((string?)null);
        }

        Number(csv, g.Baseline?.N);
        Number(csv, g.Baseline?.Favourable);
        Number(csv, g.Baseline?.SelectionRate);
        Number(csv, g.Baseline?.ImpactRatio);
        Number(csv, g.Change?.SelectionRate);
        Number(csv, g.Change?.ImpactRatio);
        Number(csv, g.Change?.Z);
        Number(csv, g.Change?.ZP);
        Number(csv, g.Change?.FisherP);
    }

    private static void Number(CsvWriter csv, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            csv.WriteField(v, "R");
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }

    private static void Number(CsvWriter csv, long? value)
    {
        if (value is { } v)
        {
            csv.WriteField(v, default);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }
}
