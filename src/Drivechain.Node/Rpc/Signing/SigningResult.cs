using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Rpc.Signing;

/// <summary>The signed transaction and, per input that does not verify, Core's error text.</summary>
public sealed record SigningResult(Transaction Transaction, IReadOnlyList<(int Input, string Error)> Errors)
{
    public bool Complete => Errors.Count == 0;
}
