using System.Text.RegularExpressions;

namespace FairRubrics;

/// <summary>The shape of a check id: upper-case letters then three or four digits (<c>FR104</c>, an integrator's <c>ACME001</c>).</summary>
internal static partial class CheckIds
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex(@"^[A-Z]{2,12}[0-9]{3,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
