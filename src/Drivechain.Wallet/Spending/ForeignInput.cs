using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Wallet.Spending;

/// <summary>An input the wallet spends without a signature (a treasury CTIP: OP_DRIVECHAIN &lt;slot&gt; OP_TRUE), with its output.</summary>
public sealed record ForeignInput(OutPoint OutPoint, TxOut Output);
