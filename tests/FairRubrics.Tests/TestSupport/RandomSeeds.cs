namespace FairRubrics.Tests.TestSupport;

/// <summary>Seeds 1..N for property tests over random inputs (one test case per seed, so a failure names its seed).</summary>
internal static class RandomSeeds
{
    public static TheoryData<int> UpTo(int last)
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= last; seed++)
        {
            data.Add(seed);
        }

        return data;
    }
}
