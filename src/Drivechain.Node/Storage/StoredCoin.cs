using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Storage;

/// <summary>An unspent output as stored: the output, the height of its block, whether it is a coinbase output.</summary>
internal readonly record struct StoredCoin(TxOut Output, int Height, bool IsCoinbase);
