using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>A transaction output.</summary>
public sealed record TxOut(Money Value, Script ScriptPubKey)
{
    /// <summary>Serialized size: 8-byte value + CompactSize + script.</summary>
    public int SerializedSize => 8 + Serialization.BitcoinWriter.VarBytesLength(ScriptPubKey.Length);
}
