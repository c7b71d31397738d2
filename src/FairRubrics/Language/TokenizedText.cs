using System.Buffers;

namespace FairRubrics.Language;

/// <summary>
/// A text split into words once, with every word's lookup key (<see cref="WordTokenizer.Key"/>), in buffers
/// rented from the shared array pools: no allocation per text. Dispose it (a <c>using</c>) to return the buffers.
/// </summary>
internal ref struct TokenizedText
{
    private WordToken[]? _tokens;
    private char[]? _keyBuffer;
    private int[]? _keyLengths;

    private TokenizedText(string text, WordToken[] tokens, int count, char[] keyBuffer, int[] keyLengths)
    {
        Text = text;
        _tokens = tokens;
        Count = count;
        _keyBuffer = keyBuffer;
        _keyLengths = keyLengths;
    }

    /// <summary>Gets the text.</summary>
    public string Text { get; }

    /// <summary>Gets the number of words.</summary>
    public int Count { get; }

    /// <summary>Gets the words.</summary>
    public readonly ReadOnlySpan<WordToken> Tokens => _tokens.AsSpan(0, Count);

    /// <summary>Gets the words' lookup keys.</summary>
    public readonly WordKeys Keys => new(_tokens.AsSpan(0, Count), _keyBuffer, _keyLengths.AsSpan(0, Count));

    /// <summary>Tokenizes a text and computes its keys.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokenized text; dispose it.</returns>
    public static TokenizedText Create(string text)
    {
        var tokens = ArrayPool<WordToken>.Shared.Rent(Math.Max(1, WordTokenizer.MaxTokens(text.Length)));
        var count = WordTokenizer.Tokenize(text, tokens);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var lengths = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        for (var i = 0; i < count; i++)
        {
            // Every word's key is written once into one buffer, at the word's own offset (a key is never longer than its word).
            var t = tokens[i];
            lengths[i] = Math.Max(0, WordTokenizer.Key(text.AsSpan(t.Start, t.Length), buffer.AsSpan(t.Start, t.Length)));
        }

        return new TokenizedText(text, tokens, count, buffer, lengths);
    }

    /// <summary>Returns the buffers to their pools.</summary>
    public void Dispose()
    {
        if (_tokens is not null)
        {
            ArrayPool<WordToken>.Shared.Return(_tokens);
            ArrayPool<char>.Shared.Return(_keyBuffer!);
            ArrayPool<int>.Shared.Return(_keyLengths!);
            _tokens = null;
            _keyBuffer = null;
            _keyLengths = null;
        }
    }
}

/// <summary>The lookup keys of a text's words, as spans over one shared buffer; empty for a word too long to look up.</summary>
internal readonly ref struct WordKeys
{
    private readonly ReadOnlySpan<WordToken> _tokens;
    private readonly ReadOnlySpan<char> _buffer;
    private readonly ReadOnlySpan<int> _lengths;

    public WordKeys(ReadOnlySpan<WordToken> tokens, ReadOnlySpan<char> buffer, ReadOnlySpan<int> lengths)
    {
        _tokens = tokens;
        _buffer = buffer;
        _lengths = lengths;
    }

    public int Count => _tokens.Length;

    public ReadOnlySpan<char> this[int index] => _buffer.Slice(_tokens[index].Start, _lengths[index]);
}

/// <summary>A growable list of values in an array rented from the shared pool; dispose it to return the array.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal ref struct PooledList<T>
{
    private T[]? _items;

    public PooledList(int capacity) => _items = capacity > 0 ? ArrayPool<T>.Shared.Rent(capacity) : null;

    public int Count { get; private set; }

    public readonly Span<T> Items => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (_items is null || Count == _items.Length)
        {
            var bigger = ArrayPool<T>.Shared.Rent(Math.Max(8, Count * 2));
            if (_items is not null)
            {
                _items.AsSpan(0, Count).CopyTo(bigger);
                ArrayPool<T>.Shared.Return(_items, System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }

            _items = bigger;
        }

        _items[Count++] = item;
    }

    public void Truncate(int count) => Count = Math.Min(Count, count);

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items, System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = null;
            Count = 0;
        }
    }
}
