using System.Numerics;

namespace Drivechain.Consensus.State;

/// <summary>The 256 sidechain slots as a bit set: a value type, so a rule's set lives on the stack.</summary>
internal struct SlotSet
{
    private Words _words;

    public readonly bool Contains(byte slot) => (_words[slot >> 6] & Bit(slot)) != 0;

    public bool Add(byte slot)
    {
        ulong bit = Bit(slot);
        ref ulong word = ref _words[slot >> 6];
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }

    /// <summary>Adds <paramref name="slot"/> when <paramref name="member"/>, removes it otherwise.</summary>
    public void Set(byte slot, bool member)
    {
        ref ulong word = ref _words[slot >> 6];
        word = member ? word | Bit(slot) : word & ~Bit(slot);
    }

    /// <summary>Number of slots in the set.</summary>
    public readonly int Count =>
        BitOperations.PopCount(_words[0]) + BitOperations.PopCount(_words[1]) + BitOperations.PopCount(_words[2]) + BitOperations.PopCount(_words[3]);

    /// <summary>The <paramref name="n"/>-th slot of the set, ascending from 0 (<paramref name="n"/> &lt; <see cref="Count"/>).</summary>
    public readonly byte Nth(int n)
    {
        for (int w = 0; w < 4; w++)
        {
            ulong bits = _words[w];
            int inWord = BitOperations.PopCount(bits);
            if (n >= inWord)
            {
                n -= inWord;
                continue;
            }
            for (; n > 0; n--) bits &= bits - 1;
            return (byte)((w << 6) | BitOperations.TrailingZeroCount(bits));
        }
        throw new ArgumentOutOfRangeException(nameof(n), "beyond the set's count");
    }

    /// <summary>The lowest slot in this set and not in <paramref name="other"/>, or -1.</summary>
    public readonly int FirstExcept(in SlotSet other)
    {
        for (int w = 0; w < 4; w++)
        {
            ulong bits = _words[w] & ~other._words[w];
            if (bits != 0) return (w << 6) | BitOperations.TrailingZeroCount(bits);
        }
        return -1;
    }

    /// <summary>The slots in the set, ascending (set bits only: no scan of all 256).</summary>
    public readonly Enumerator GetEnumerator() => new(this);

    private static ulong Bit(byte slot) => 1UL << (slot & 63);

    /// <summary>Walks the set bits word by word, lowest first.</summary>
    public struct Enumerator
    {
        private readonly SlotSet _set;
        private int _word;
        private ulong _bits;

        internal Enumerator(SlotSet set) => (_set, _word, _bits, Current) = (set, 0, set._words[0], -1);

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (_bits == 0)
            {
                if (++_word == 4) return false;
                _bits = _set._words[_word];
            }
            Current = (_word << 6) | BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            return true;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct Words
    {
        private ulong _w0;
    }
}
