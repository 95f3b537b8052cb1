namespace Drivechain.Consensus.State;

/// <summary>The 256 sidechain slots as a bit set: a value type, so a rule's set lives on the stack.</summary>
internal struct SlotSet
{
    private ulong _w0, _w1, _w2, _w3;

    /// <summary>True when <paramref name="slot"/> is in the set.</summary>
    public readonly bool Contains(byte slot) => (Word(slot) & Bit(slot)) != 0;

    /// <summary>Adds <paramref name="slot"/>; false when it was already in the set.</summary>
    public bool Add(byte slot)
    {
        ulong bit = Bit(slot);
        ref ulong word = ref _w0;
        switch (slot >> 6)
        {
            case 1: word = ref _w1; break;
            case 2: word = ref _w2; break;
            case 3: word = ref _w3; break;
        }
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }

    private static ulong Bit(byte slot) => 1UL << (slot & 63);

    private readonly ulong Word(byte slot) => (slot >> 6) switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };
}
