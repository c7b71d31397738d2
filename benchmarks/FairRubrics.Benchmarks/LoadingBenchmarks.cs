using BenchmarkDotNet.Attributes;
using FairRubrics.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FairRubrics.Benchmarks;

/// <summary>
/// PRODUCT.md section 8: loading a rubric costs no more than 2x parsing the same YAML with YamlDotNet's
/// parser alone. The baseline is YamlDotNet's event parser run to the end of the text; the YamlStream case
/// (YamlDotNet's own node tree) is a second reference point; the measured case is
/// <see cref="RubricLoader.LoadString"/> (parse, safety checks, validation, model and content hash).
/// </summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    private RubricLoader _loader = null!;
    private string _text = null!;
    private string _sourceName = null!;

    /// <summary>Gets or sets the input rubric.</summary>
    [Params(BenchmarkInputs.SoftwareEngineer, BenchmarkInputs.Synthetic)]
    public string Input { get; set; } = BenchmarkInputs.SoftwareEngineer;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkInputs.Get(Input);
        _sourceName = Input + ".yaml";
        _loader = new RubricLoader();
        var result = _loader.LoadString(_text, _sourceName);
        if (!result.Succeeded || result.Rubric is null)
        {
            throw new InvalidOperationException(
                $"Benchmark input {Input} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        }
    }

    /// <summary>YamlDotNet's event parser alone: the yardstick of the 2x target.</summary>
    [Benchmark(Baseline = true)]
    public int YamlDotNetParser()
    {
        var parser = new Parser(new StringReader(_text));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    /// <summary>YamlDotNet's representation model (parse and build YamlDotNet's node tree): a reference point.</summary>
    [Benchmark]
    public YamlStream YamlDotNetYamlStream()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_text));
        return stream;
    }

    /// <summary>The measured case: FairRubrics loading the text into a validated rubric.</summary>
    [Benchmark]
    public RubricLoadResult FairRubricsLoadString() => _loader.LoadString(_text, _sourceName);
}
