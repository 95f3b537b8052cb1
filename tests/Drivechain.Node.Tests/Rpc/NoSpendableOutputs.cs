using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Rpc;

namespace Drivechain.Node.Tests.Rpc;

/// <summary>Lookup used when no chain is attached (pure RPC tests, a fake at the chain edge): nothing is known.</summary>
internal sealed class NoSpendableOutputs : ISpendableOutputs
{
    public static NoSpendableOutputs Instance { get; } = new();

    public TxOut? Find(OutPoint outPoint) => null;
}
