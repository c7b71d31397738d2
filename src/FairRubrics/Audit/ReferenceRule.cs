namespace FairRubrics.Audit;

/// <summary>How an analysis' reference group is chosen (<see cref="AuditOptions.ReferenceRule"/>), and which rule chose it (<see cref="AuditAnalysis.ReferenceRule"/>).</summary>
public enum ReferenceRule
{
    /// <summary>The reported group with the highest selection rate (ties: the larger group, then the ordinal-first values), as Local Law 144 defines the impact ratio. The default.</summary>
    Highest = 0,

    /// <summary>The reported group with the most scored members (ties: the higher selection rate, then the ordinal-first values), as Aequitas' majority reference.</summary>
    Largest,

    /// <summary>The group named in <see cref="AuditOptions.ReferenceGroups"/> for every attribute of the analysis. Only ever a result; as an option, name the groups instead.</summary>
    Named,
}
