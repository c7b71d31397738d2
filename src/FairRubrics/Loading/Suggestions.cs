namespace FairRubrics.Loading;

/// <summary>"Did you mean" suggestions by edit distance (optimal string alignment, so swapped letters count once).</summary>
internal static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = typed.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var target = candidate.ToLowerInvariant();
            var distance = Distance(lowered, target);
            var allowed = Math.Max(2, candidate.Length / 3);
            if (lowered.Length >= 3 && target.Length >= 3 && (target.StartsWith(lowered, StringComparison.Ordinal) || lowered.StartsWith(target, StringComparison.Ordinal)))
            {
                // A prefix ("best" for "best-of", "window-months" for "window") is a strong hint even when far in edits.
                distance = Math.Min(distance, allowed);
            }

            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Returns " (did you mean 'x'?)" or, when nothing is close, " (expected one of: a, b, c)".</summary>
    public static string Hint(string typed, IReadOnlyCollection<string> candidates)
    {
        var closest = Closest(typed, candidates);
        if (closest is not null)
        {
            return $"; did you mean '{closest}'?";
        }

        return candidates.Count == 0 ? string.Empty : $"; expected one of: {string.Join(", ", candidates)}";
    }

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
