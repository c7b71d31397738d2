using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FairRubrics.Audit;

/// <summary>
/// A set of UTF-8 keys (subject ids) numbered 0, 1, 2… in the order they were added, looked up by their bytes
/// without making strings. The keys live back to back in one byte array, so a million ids of ten characters
/// take about 10 MB of text plus 16 bytes of index each (a dictionary of strings takes several times that).
/// Open addressing with linear probing over a power-of-two table at most half full; the hash is seeded per
/// instance so that crafted ids cannot force collisions. Not thread-safe for adding; lookups may run in
/// parallel once adding is over.
/// </summary>
internal sealed class Utf8KeyIndex
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;
    private readonly ulong _seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private byte[] _text = new byte[1 << 12];
    private int _textLength;
    private int[] _starts = new int[257];   // _starts[i]..._starts[i + 1] is key i
    private int[] _hashes = new int[256];
    private int[] _slots = new int[512];    // 0 = empty, else key + 1

    /// <summary>Gets the number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>Gets key <paramref name="index"/>'s bytes.</summary>
    /// <param name="index">The key number.</param>
    /// <returns>The bytes (valid until the next add).</returns>
    public ReadOnlySpan<byte> this[int index] => _text.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Finds a key.</summary>
    /// <param name="key">The key's bytes.</param>
    /// <returns>Its number, or -1.</returns>
    public int IndexOf(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && this[entry].SequenceEqual(key))
            {
                return entry;
            }
        }
    }

    /// <summary>Adds a key unless it is there already.</summary>
    /// <param name="key">The key's bytes.</param>
    /// <param name="index">Receives the key's number (the existing one when it was there).</param>
    /// <returns>Whether the key was added.</returns>
    public bool TryAdd(ReadOnlySpan<byte> key, out int index)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (_hashes[entry] == hash && this[entry].SequenceEqual(key))
            {
                index = entry;
                return false;
            }
        }

        index = Count;
        if (index + 1 >= _hashes.Length)
        {
            Array.Resize(ref _hashes, _hashes.Length * 2);
            Array.Resize(ref _starts, (_hashes.Length) + 1);
        }

        if (_textLength + key.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + key.Length));
        }

        key.CopyTo(_text.AsSpan(_textLength));
        _textLength += key.Length;
        _hashes[index] = hash;
        _starts[index + 1] = _textLength;
        _slots[slot] = index + 1;
        Count++;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return true;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var slot = _hashes[entry] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = entry + 1;
        }
    }

    /// <summary>A multiply-xorshift hash over 8-byte words, seeded; the low bits are well mixed.</summary>
    private int Hash(ReadOnlySpan<byte> key)
    {
        var h = _seed ^ ((ulong)key.Length * Multiplier);
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * Multiplier;
            h ^= h >> 29;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            h = (h ^ tail) * Multiplier;
        }

        h ^= h >> 32;
        h *= 0xD6E8FEB86659FD93;
        h ^= h >> 32;
        return (int)h & int.MaxValue;
    }
}
