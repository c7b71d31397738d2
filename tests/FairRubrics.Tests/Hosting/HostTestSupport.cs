namespace FairRubrics.Tests.Hosting;

internal static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "fairrubrics-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
