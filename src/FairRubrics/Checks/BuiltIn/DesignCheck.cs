namespace FairRubrics.Checks.BuiltIn;

/// <summary>The base of the built-in checks: each reports one id, described once. Built-ins use only the public <see cref="IRubricCheck"/> contract.</summary>
internal abstract class DesignCheck(DesignCheckEnvironment environment) : IRubricCheck
{
    protected DesignCheckEnvironment Environment { get; } = environment;

    public IReadOnlyList<CheckDescriptor> Descriptors => [Descriptor];

    protected abstract CheckDescriptor Descriptor { get; }

    public abstract void Check(Model.Rubric rubric, RubricCheckContext context);

    protected static CheckDescriptor Describe(string id, string name, string title, DiagnosticSeverity severity, string description) =>
        new(id, title, severity, $"docs/checks/{id}.md") { Name = name, Description = description };
}
