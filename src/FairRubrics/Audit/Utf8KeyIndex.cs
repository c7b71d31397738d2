using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace FairRubrics.Audit;

/// <summary>
/// A set of UTF-8 keys (subject ids) numbered 0, 1, 2… in the order they were added, looked up by their bytes
/// without making strings. The keys live back to back in one byte array; the hash table holds, per slot, the
/// key's hash, length, number and first 8 bytes, so that finding a key of up to 8 bytes touches one cache line
/// (the lookups come in random order, so each memory access is a cache miss). A million ids of 8 bytes take
/// about 40 MB (a dictionary of strings takes twice that). Open addressing with linear probing over a table at
/// most four fifths full, sized up front when the number of keys is known; the hash is seeded per instance so that crafted ids cannot force collisions. Not
/// thread-safe for adding; lookups may run in parallel once adding is over.
/// </summary>
internal sealed class Utf8KeyIndex
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;
    private readonly ulong _seed = Seed();
    private byte[] _text;
    private int _textLength;
    private int[] _starts;   // _starts[i]..._starts[i + 1] is key i
    private Slot[] _slots;

    /// <summary>
    /// 64 random bits from a version-4 GUID, which .NET draws from the operating system's secure random source
    /// (getrandom, BCryptGenRandom) without loading a cryptography library on the way to the audit's first line.
    /// </summary>
    private static ulong Seed()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes) ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
    }

    /// <summary>Creates an index sized for <paramref name="capacity"/> keys (it grows past that, at the cost of copies).</summary>
    /// <param name="capacity">The expected number of keys.</param>
    public Utf8KeyIndex(int capacity = 256)
    {
        capacity = Math.Max(capacity, 16);
        _text = new byte[capacity * 8];
        _starts = new int[capacity + 1];
        _slots = NewTable(SlotsFor(capacity));
    }

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
        var slot = Find(key, out _);
        return slot < 0 ? -1 : _slots[slot].Index;
    }

    /// <summary>
    /// Hints the processor to fetch the key's home slot into the cache, so that a lookup of the same key a little
    /// later (after other work, such as parsing the rest of a line) does not wait for memory. No effect on results;
    /// a no-op where the processor has no prefetch instruction that .NET exposes.
    /// </summary>
    /// <param name="key">The key's bytes.</param>
    public unsafe void Prefetch(ReadOnlySpan<byte> key)
    {
        if (Sse.IsSupported)
        {
            fixed (Slot* slot = &_slots[SlotOf(Hash(key))])
            {
                Sse.Prefetch0(slot);
            }
        }
    }

    /// <summary>Adds a key unless it is there already.</summary>
    /// <param name="key">The key's bytes.</param>
    /// <param name="index">Receives the key's number (the existing one when it was there).</param>
    /// <returns>Whether the key was added.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<byte> key, out int index)
    {
        var found = Find(key, out var free);
        if (found >= 0)
        {
            index = _slots[found].Index;
            return false;
        }

        index = Count;
        if (index + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        if (_textLength + key.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + key.Length));
        }

        key.CopyTo(_text.AsSpan(_textLength));
        _textLength += key.Length;
        _starts[index + 1] = _textLength;
        _slots[free] = new Slot(Meta(Hash(key), key.Length, index), Prefix(key));
        Count++;
        if (Count > _slots.Length / 5 * 4)
        {
            Grow();
        }

        return true;
    }

    /// <summary>The slot holding the key, or -1 with the free slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<byte> key, out int free)
    {
        var hash = Hash(key);
        var meta = Meta(hash, key.Length, -1);   // the hash and length bits, without a key number
        var prefix = Prefix(key);
        for (var slot = SlotOf(hash); ; slot = slot + 1 == _slots.Length ? 0 : slot + 1)
        {
            ref readonly var entry = ref _slots[slot];
            if (entry.Meta == 0)
            {
                free = slot;
                return -1;
            }

            if ((entry.Meta & ~(ulong)uint.MaxValue) == meta && entry.Prefix == prefix && (key.Length <= 8 || this[entry.Index].SequenceEqual(key)))
            {
                free = -1;
                return slot;
            }
        }
    }

    /// <summary>
    /// A zeroed table whose memory is written once at once: a large array comes as fresh pages that the first read
    /// maps to the system's shared zero page, so adding keys after probing would take a copy-on-write fault per page,
    /// each flushing the other cores' address translations (an interrupt to the threads parsing results meanwhile).
    /// </summary>
    private static Slot[] NewTable(int slots)
    {
        var table = new Slot[slots];
        table.AsSpan().Clear();
        return table;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = NewTable(SlotsFor(Count * 2));
        foreach (var entry in old)
        {
            if (entry.Meta == 0)
            {
                continue;
            }

            var slot = SlotOf(Hash(this[entry.Index]));
            while (_slots[slot].Meta != 0)
            {
                slot = slot + 1 == _slots.Length ? 0 : slot + 1;
            }

            _slots[slot] = entry;
        }
    }

    /// <summary>
    /// A table four fifths full for that many keys (any size: slots are chosen by multiplying, not masking). Linear
    /// probing then looks at about three slots for a key that is there, mostly in one cache line (16-byte slots);
    /// a fuller table would save memory at the cost of long probes for absent keys.
    /// </summary>
    private static int SlotsFor(int keys) => checked((int)((long)keys * 5 / 4) + 1);

    /// <summary>The hash's home slot: the low 32 bits scaled to the table (Lemire's multiply-shift range reduction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong hash) => (int)(((ulong)(uint)hash * (ulong)_slots.Length) >> 32);

    /// <summary>The high 24 bits of the hash (the low bits choose the slot), 8 bits of length (capped) and 32 of key number + 1 (so that 0 means an empty slot).</summary>
    private static ulong Meta(ulong hash, int length, int index) =>
        (hash & 0xFFFFFF00_00000000) | ((ulong)Math.Min(length, 255) << 32) | (uint)(index + 1);

    private static ulong Prefix(ReadOnlySpan<byte> key)
    {
        if (key.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(key);
        }

        ulong prefix = 0;
        for (var i = 0; i < key.Length; i++)
        {
            prefix |= (ulong)key[i] << (8 * i);
        }

        return prefix;
    }

    /// <summary>A multiply-xorshift hash over 8-byte words, seeded; every bit well mixed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ulong Hash(ReadOnlySpan<byte> key)
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
            h = (h ^ Prefix(key)) * Multiplier;
        }

        h ^= h >> 32;
        h *= 0xD6E8FEB86659FD93;
        h ^= h >> 32;
        return h;
    }

    private readonly record struct Slot(ulong Meta, ulong Prefix)
    {
        public int Index => (int)(uint)Meta - 1;
    }
}
