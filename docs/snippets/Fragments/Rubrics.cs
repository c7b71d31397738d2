using FairRubrics.Schema;

namespace Snippets;

public static class Rubrics
{
    public static void WriteSchema()
    {
        // begin-snippet: rubrics-schema
        File.WriteAllText("fairrubrics-1.schema.json", FairRubrics.Schema.RubricSchema.GetJson());
        // end-snippet
        GC.KeepAlive(typeof(RubricSchema));
    }
}
