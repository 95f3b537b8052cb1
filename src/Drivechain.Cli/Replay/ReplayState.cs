using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Cli.Replay;

/// <summary>
/// The node's drivechain view as the vectors describe it (vectors-format.md "State object"): tip, height and the
/// three arrays in the spec's order. Both the expected state of a vector and what an engine reports use it.
/// </summary>
internal sealed record ReplayState(
    UInt256 Tip,
    int Height,
    ImmutableArray<SidechainView> Sidechains,
    ImmutableArray<ProposalView> Proposals,
    ImmutableArray<BundleView> Bundles);
