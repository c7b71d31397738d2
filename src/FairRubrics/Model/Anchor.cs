namespace FairRubrics.Model;

/// <summary>The observable behaviour that describes one level on a path (behaviourally anchored rating scale).</summary>
/// <param name="Level">The scale level it describes.</param>
/// <param name="Text">The behaviour, as written.</param>
/// <param name="Location">Where the text is written (for design checks that quote it).</param>
public sealed record Anchor(int Level, string Text, SourceLocation Location);
