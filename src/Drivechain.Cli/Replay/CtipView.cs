using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Cli.Replay;

/// <summary>A CTIP: treasury outpoint and value in satoshis.</summary>
internal sealed record CtipView(UInt256 TxId, uint Vout, long Value);
