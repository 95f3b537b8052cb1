using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Chain;

/// <summary>
/// A summary of the UTXO set at <paramref name="BestBlock"/>: coin count, total value and a hash of
/// the whole set (SHA-256d over every coin in outpoint order: txid, index, height·2+coinbase, value,
/// script) — equal sets give equal hashes, whatever history produced them.
/// </summary>
public sealed record UtxoSetInfo(UInt256 BestBlock, int Height, long Coins, Money TotalAmount, UInt256 Hash);
