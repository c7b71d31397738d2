namespace FairRubrics;

/// <summary>The base of every exception FairRubrics throws on purpose. Messages never contain protected attribute values.</summary>
public class FairRubricsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FairRubricsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public FairRubricsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public FairRubricsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The host configured FairRubrics wrongly (two scoring rules with one name, a rule name that is not
/// well formed, options out of range). Thrown at registration or start-up, never while scoring.
/// </summary>
public sealed class FairRubricsConfigurationException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    public FairRubricsConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is misconfigured and how to fix it.</param>
    public FairRubricsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is misconfigured and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public FairRubricsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception for a configuration file that did not load: its first 20 errors, one a line.</summary>
    /// <param name="what">What the file is, with its name (e.g. "The word list 'x.yaml'").</param>
    /// <param name="diagnostics">Everything found in it.</param>
    /// <returns>The exception.</returns>
    internal static FairRubricsConfigurationException LoadFailed(string what, IEnumerable<Diagnostic> diagnostics) =>
        new($"{what} has errors:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError).Take(20))}");
}
