using System.Globalization;

namespace FairRubrics.Evidence;

/// <summary>
/// Evidence declared grouped by subject (<see cref="Scoring.EvidenceOrder.GroupedBySubject"/>) is not: a subject's
/// items came back after another subject's. Results already streamed for that subject were incomplete; discard the run.
/// The message names the item's position, never the subject.
/// </summary>
public sealed class EvidenceOrderException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    public EvidenceOrderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public EvidenceOrderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public EvidenceOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the item at an index.</summary>
    /// <param name="itemIndex">The 0-based index of the item whose subject came back.</param>
    public EvidenceOrderException(long itemIndex)
        : base(string.Create(CultureInfo.InvariantCulture, $"the evidence is not grouped by subject: item {itemIndex} (0-based) belongs to a subject whose items ended earlier; sort the evidence by subject, or score it with EvidenceOrder.Any"))
    {
        ItemIndex = itemIndex;
    }

    /// <summary>Gets the 0-based index of the item whose subject came back, or -1 when not known.</summary>
    public long ItemIndex { get; } = -1;
}
