using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.Messages;

/// <summary>One entry of inv/getdata/notfound: a type (MSG_TX, MSG_BLOCK, with the witness flag; MSG_WTX) and a hash.</summary>
public readonly record struct InventoryItem(uint Type, UInt256 Hash)
{
    public const uint MsgTx = 1;
    public const uint MsgBlock = 2;

    /// <summary>BIP339: a transaction by wtxid.</summary>
    public const uint MsgWTx = 5;
    public const uint MsgWitnessFlag = 1u << 30;
    public const uint MsgWitnessBlock = MsgBlock | MsgWitnessFlag;
    public const uint MsgWitnessTx = MsgTx | MsgWitnessFlag;
    public const int Size = 4 + UInt256.Size;

    /// <summary>Core's MAX_INV_SZ.</summary>
    public const int MaxCount = 50_000;

    public bool IsBlock => (Type & ~MsgWitnessFlag) == MsgBlock;

    public bool IsTransaction => (Type & ~MsgWitnessFlag) == MsgTx || Type == MsgWTx;
}
