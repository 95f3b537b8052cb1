using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Rpc;

/// <summary>Lookup used when no chain is attached (pure RPC tests): nothing is known.</summary>
public sealed class NoSpendableOutputs : ISpendableOutputs
{
    public static NoSpendableOutputs Instance { get; } = new();

    public TxOut? Find(OutPoint outPoint) => null;
}
