namespace Drivechain.Bitcoin.Primitives;

/// <summary>A reference to a transaction output.</summary>
public readonly record struct OutPoint(UInt256 TxId, uint Index)
{
    /// <summary>The null prevout of a coinbase input (zero hash, index 0xffffffff).</summary>
    public static readonly OutPoint Null = new(UInt256.Zero, uint.MaxValue);

    /// <summary>True for the coinbase's null prevout.</summary>
    public bool IsNull => Index == uint.MaxValue && TxId.IsZero;

    /// <summary>"txid:index" with the display txid.</summary>
    public override string ToString() => $"{TxId}:{Index}";
}
