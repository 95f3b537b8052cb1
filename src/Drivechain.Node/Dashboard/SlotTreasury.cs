namespace Drivechain.Node.Dashboard;

/// <summary>The treasury of one slot after a block: its CTIP value and the CTIP's sequence number.</summary>
public readonly record struct SlotTreasury(byte Slot, long Satoshis, int Seq);
