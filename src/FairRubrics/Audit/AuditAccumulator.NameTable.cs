using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// Names numbered in order of first appearance, found by their UTF-8 bytes.
public sealed partial class AuditAccumulator
{
    /// <summary>
    /// Names numbered 0, 1, 2… in order of first appearance (bands, paths, attribute values): looked up by UTF-8
    /// bytes without making a string while there are few (the usual case), else through a dictionary.
    /// </summary>
    private sealed class NameTable
    {
        private const int LinearSearch = 16;
        private readonly List<string> _names = [];
        private readonly List<byte[]> _utf8 = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public int Count => _names.Count;

        public string this[int id] => _names[id];

        public int GetOrAdd(string name) => _ids.TryGetValue(name, out var id) ? id : Add(name);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int GetOrAdd(ReadOnlySpan<byte> utf8)
        {
            if (_utf8.Count <= LinearSearch)
            {
                for (var i = 0; i < _utf8.Count; i++)
                {
                    if (utf8.SequenceEqual(_utf8[i]))
                    {
                        return i;
                    }
                }
            }

            return GetOrAdd(Encoding.UTF8.GetString(utf8));
        }

        private int Add(string name)
        {
            var id = _names.Count;
            _names.Add(name);
            _utf8.Add(Encoding.UTF8.GetBytes(name));
            _ids[name] = id;
            return id;
        }
    }
}
