using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.Docs;

/// <summary>The code of docs/embedding.md, verbatim between the markers (DocsTests compares them).</summary>
internal static class EmbeddingExample
{
    public static DrivechainState Run(IEnumerable<byte[]> rawBlocks, TextWriter output)
    {
        // <example>
        var validator = new DrivechainValidator(DrivechainParams.ForNetwork("regtest"));
        var state = DrivechainState.Empty;   // the state before ActivationHeight
        var undos = new Stack<BlockUndo>();  // what you would store to disconnect later
        int height = 0;                      // genesis
        foreach (var raw in rawBlocks)       // serialized blocks in chain order, from height 1
        {
            var block = Block.Parse(raw);
            switch (validator.Connect(state, block, height + 1))
            {
                case ConnectOutcome.Accepted accepted:
                    state = accepted.State;
                    undos.Push(accepted.Undo);
                    height++;
                    output.WriteLine($"{height} {block.Hash} accepted, digest {state.ComputeDigest()}");
                    break;
                case ConnectOutcome.Rejected rejected:
                    output.WriteLine($"{height + 1} {block.Hash} rejected: {rejected.Rejection.CodeString}");
                    break;
            }
        }
        output.WriteLine($"active sidechains: {state.ActiveSlotCount}");
        // </example>
        return state;
    }
}
