namespace FairRubrics.Loading;

/// <summary>Collects diagnostics while a file loads; remembers nodes already reported so errors do not cascade.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<RubricNode> _poisoned = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors { get; private set; }

    public void Error(string id, SourceLocation location, string message)
    {
        _items.Add(new Diagnostic(id, DiagnosticSeverity.Error, message, location));
        HasErrors = true;
    }

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Marks a node as already reported: validators stay quiet about it.</summary>
    public void Poison(RubricNode node) => _poisoned.Add(node);

    public bool IsPoisoned(RubricNode node) => _poisoned.Contains(node);
}
