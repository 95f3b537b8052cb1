using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Mining;

/// <summary>A non-coinbase transaction of a template: its fee, sigop cost and the template indices it depends on.</summary>
public sealed record TemplateTransaction(Transaction Transaction, long Fee, int SigOpCost, IReadOnlyList<int> Depends);
