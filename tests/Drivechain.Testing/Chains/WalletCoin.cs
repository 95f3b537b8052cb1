using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.Chains;

/// <summary>An output the generator's wallet can spend (anyone-can-spend scripts: no keys needed).</summary>
public sealed record WalletCoin(OutPoint OutPoint, long Value, Script ScriptPubKey, int Height, bool IsCoinbase);
