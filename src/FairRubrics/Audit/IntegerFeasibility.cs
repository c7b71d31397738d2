namespace FairRubrics.Audit;

/// <summary>
/// Finds a whole-number solution of a small system of bounded linear constraints with coefficients ±1
/// (<c>lo ≤ Σ ±xᵢ ≤ hi</c>, each <c>xᵢ</c> within its own bounds): bounds propagation to a fixpoint, then depth-first
/// search that splits one variable's range at a time, trying first the value of a known solution (the guide) so
/// that solutions near it are found at once. Exact integer arithmetic throughout; a returned solution is checked
/// against every constraint before it is returned, so a solution is always a true one. The search stops after a
/// node limit: "none found" then means "none found within the limit", which the caller treats like "none exists".
/// </summary>
/// <remarks>Not thread-safe; one instance per check.</remarks>
internal sealed class IntegerFeasibility
{
    private readonly List<long> _lo = [];
    private readonly List<long> _hi = [];
    private readonly List<long> _guide = [];
    private readonly List<Constraint> _constraints = [];
    private List<int>[] _watch = [];

    /// <summary>Gets the number of variables.</summary>
    public int Variables => _lo.Count;

    /// <summary>Gets the number of search nodes the last <see cref="Solve"/> visited.</summary>
    public int Nodes { get; private set; }

    /// <summary>Adds a variable with bounds and its value in the guiding solution; returns its index.</summary>
    public int Add(long lo, long hi, long guide)
    {
        _lo.Add(lo);
        _hi.Add(hi);
        _guide.Add(guide);
        return _lo.Count - 1;
    }

    /// <summary>Adds <c>lo ≤ Σ xᵢ − Σ yⱼ ≤ hi</c>.</summary>
    public void Constrain(IReadOnlyList<int> plus, IReadOnlyList<int> minus, long lo, long hi)
    {
        var vars = new int[plus.Count + minus.Count];
        var signs = new sbyte[vars.Length];
        for (var i = 0; i < plus.Count; i++)
        {
            vars[i] = plus[i];
            signs[i] = 1;
        }

        for (var j = 0; j < minus.Count; j++)
        {
            vars[plus.Count + j] = minus[j];
            signs[plus.Count + j] = -1;
        }

        _constraints.Add(new Constraint(vars, signs, lo, hi));
    }

    /// <summary>Adds <c>Σ xᵢ = value</c>.</summary>
    public void Equal(IReadOnlyList<int> vars, long value) => Constrain(vars, [], value, value);

    /// <summary>Removes the constraint added last (a target tried in turn on the same system).</summary>
    public void RemoveLastConstraint() => _constraints.RemoveAt(_constraints.Count - 1);

    /// <summary>Searches for a solution within <paramref name="nodeLimit"/> nodes.</summary>
    /// <returns>The values of every variable, or null when none was found.</returns>
    public long[]? Solve(int nodeLimit)
    {
        _watch = new List<int>[_lo.Count];
        for (var v = 0; v < _watch.Length; v++)
        {
            _watch[v] = [];
        }

        for (var c = 0; c < _constraints.Count; c++)
        {
            foreach (var v in _constraints[c].Vars)
            {
                _watch[v].Add(c);
            }
        }

        Nodes = 0;
        var lo = _lo.ToArray();
        var hi = _hi.ToArray();
        var all = Enumerable.Range(0, _constraints.Count).ToList();
        var solution = Search(lo, hi, all, nodeLimit);
        return solution is not null && Satisfies(solution) ? solution : null;
    }

    private long[]? Search(long[] lo, long[] hi, List<int> changedConstraints, int nodeLimit)
    {
        if (++Nodes > nodeLimit || !Propagate(lo, hi, changedConstraints))
        {
            return null;
        }

        // First fail: the unfixed variable with the narrowest range.
        var pick = -1;
        var width = long.MaxValue;
        for (var v = 0; v < lo.Length; v++)
        {
            var w = hi[v] - lo[v];
            if (w > 0 && w < width)
            {
                width = w;
                pick = v;
            }
        }

        if (pick < 0)
        {
            return lo;
        }

        var value = Math.Clamp(_guide[pick], lo[pick], hi[pick]);
        var ranges = new List<(long Lo, long Hi)> { (value, value) };
        if (value - lo[pick] <= hi[pick] - value)
        {
            Push(ranges, lo[pick], value - 1);
            Push(ranges, value + 1, hi[pick]);
        }
        else
        {
            Push(ranges, value + 1, hi[pick]);
            Push(ranges, lo[pick], value - 1);
        }

        foreach (var (l, h) in ranges)
        {
            var lo2 = (long[])lo.Clone();
            var hi2 = (long[])hi.Clone();
            lo2[pick] = l;
            hi2[pick] = h;
            if (Search(lo2, hi2, _watch[pick], nodeLimit) is { } found)
            {
                return found;
            }

            if (Nodes > nodeLimit)
            {
                return null;
            }
        }

        return null;
    }

    private static void Push(List<(long Lo, long Hi)> ranges, long lo, long hi)
    {
        if (lo <= hi)
        {
            ranges.Add((lo, hi));
        }
    }

    /// <summary>Narrows every variable's range by every constraint until nothing changes; false when a constraint cannot hold.</summary>
    private bool Propagate(long[] lo, long[] hi, List<int> start)
    {
        var queue = new Queue<int>(start);
        var queued = new bool[_constraints.Count];
        foreach (var c in start)
        {
            queued[c] = true;
        }

        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            queued[c] = false;
            var constraint = _constraints[c];
            long min = 0, max = 0;
            for (var i = 0; i < constraint.Vars.Length; i++)
            {
                var v = constraint.Vars[i];
                if (constraint.Signs[i] > 0)
                {
                    min += lo[v];
                    max += hi[v];
                }
                else
                {
                    min -= hi[v];
                    max -= lo[v];
                }
            }

            if (min > constraint.Hi || max < constraint.Lo)
            {
                return false;
            }

            for (var i = 0; i < constraint.Vars.Length; i++)
            {
                var v = constraint.Vars[i];
                long newLo, newHi;
                if (constraint.Signs[i] > 0)
                {
                    // x ≤ Hi − (min − lo[x]) and x ≥ Lo − (max − hi[x]).
                    newHi = Math.Min(hi[v], constraint.Hi - (min - lo[v]));
                    newLo = Math.Max(lo[v], constraint.Lo - (max - hi[v]));
                }
                else
                {
                    // −x ≤ Hi − (min + hi[x]) and −x ≥ Lo − (max + lo[x]).
                    newLo = Math.Max(lo[v], (min + hi[v]) - constraint.Hi);
                    newHi = Math.Min(hi[v], (max + lo[v]) - constraint.Lo);
                }

                if (newLo > newHi)
                {
                    return false;
                }

                if (newLo != lo[v] || newHi != hi[v])
                {
                    // Keep min and max of this constraint current for the variables after this one.
                    if (constraint.Signs[i] > 0)
                    {
                        min += newLo - lo[v];
                        max += newHi - hi[v];
                    }
                    else
                    {
                        min -= newHi - hi[v];
                        max -= newLo - lo[v];
                    }

                    lo[v] = newLo;
                    hi[v] = newHi;
                    foreach (var other in _watch[v])
                    {
                        if (!queued[other])
                        {
                            queued[other] = true;
                            queue.Enqueue(other);
                        }
                    }
                }
            }
        }

        return true;
    }

    private bool Satisfies(long[] x)
    {
        for (var v = 0; v < x.Length; v++)
        {
            if (x[v] < _lo[v] || x[v] > _hi[v])
            {
                return false;
            }
        }

        foreach (var c in _constraints)
        {
            long sum = 0;
            for (var i = 0; i < c.Vars.Length; i++)
            {
                sum += c.Signs[i] * x[c.Vars[i]];
            }

            if (sum < c.Lo || sum > c.Hi)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Constraint(int[] Vars, sbyte[] Signs, long Lo, long Hi);
}
