namespace FairRubrics.Guidance;

/// <summary>Options of development guidance in a host, set through <c>AddFairRubrics(o =&gt; o.Guidance…)</c>.</summary>
public sealed class GuidanceOptions
{
    /// <summary>
    /// Gets or sets how evidence types are worded in guidance texts. Default null: <see cref="EvidencePhrases.BuiltIn"/>.
    /// To add a host's own phrases, set <c>EvidencePhrases.BuiltIn.With(EvidencePhrases.LoadFile("our-phrases.yaml").GetPhrasesOrThrow())</c>.
    /// </summary>
    public EvidencePhrases? Phrases { get; set; }
}
