using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Node.Mining;

/// <summary>
/// A block ready to mine (only the nonce is left), validated by the block pipeline (<see cref="Chain.ChainManager.TestBlockValidity"/>) when it was built.
/// <see cref="CoinbaseMessages"/> are the drivechain outputs (M1, M2, M3, M4, M7 in that order) its coinbase carries
/// after the reward output.
/// </summary>
public sealed record BlockTemplate(
    Block Block,
    int Height,
    long CoinbaseValue,
    long Fees,
    ImmutableArray<TemplateTransaction> Transactions,
    ImmutableArray<Script> CoinbaseMessages,
    Script? WitnessCommitment,
    uint MinTime);
