namespace FairRubrics.Audit;

/// <summary>How the Fisher and z p-values of an analysis are adjusted for testing several groups at once (<see cref="AuditOptions.PValueAdjustment"/>).</summary>
public enum PValueAdjustment
{
    /// <summary>No adjustment: the adjusted p-values are null and FR201 uses the raw Fisher p.</summary>
    None = 0,

    /// <summary>Holm–Bonferroni (Holm, 1979): controls the family-wise error rate. The default.</summary>
    Holm,

    /// <summary>Benjamini–Hochberg (1995): controls the false discovery rate.</summary>
    BenjaminiHochberg,
}
