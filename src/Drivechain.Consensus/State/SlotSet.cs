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

    /// <summary>The lowest slot in this set and not in <paramref name="other"/>, or -1.</summary>
    public readonly int FirstExcept(in SlotSet other)
    {
        for (int w = 0; w < 4; w++)
        {
            ulong bits = _words[w] & ~other._words[w];
            if (bits != 0) return (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
        }
        return -1;
    }

    private static ulong Bit(byte slot) => 1UL << (slot & 63);

    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct Words
    {
        private ulong _w0;
    }
}
