using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Spending;

/// <summary>What to build: outputs in order, the fee, where change goes, inputs that must be spent, RBF and lock time.</summary>
public sealed record SpendRequest(IReadOnlyList<TxOut> Outputs, FeeMode Fee, Script ChangeScript)
{
    /// <summary>Unsigned inputs spent first, in order (the CTIP of a deposit).</summary>
    public IReadOnlyList<ForeignInput> ForeignInputs { get; init; } = [];

    /// <summary>Wallet coins that must be spent (fundrawtransaction's preset inputs, gRPC required_utxos).</summary>
    public IReadOnlyList<WalletCoin> RequiredCoins { get; init; } = [];

    /// <summary>False: spend only the required coins (and fail if they are not enough).</summary>
    public bool AddInputs { get; init; } = true;

    /// <summary>Spend every available coin and send what is left after the fee to this script (no change).</summary>
    public Script? DrainTo { get; init; }

    /// <summary>BIP125 signalling (nSequence 0xfffffffd), Core's default since v28.</summary>
    public bool Replaceable { get; init; } = true;

    public uint LockTime { get; init; }

    /// <summary>
    /// Indexes into <see cref="Outputs"/> that pay the fee between them (Core's subtractFeeFromOutputs: equal shares, the
    /// first listed also the remainder); coins are then selected for the payments alone.
    /// </summary>
    public IReadOnlyList<int> SubtractFeeFromOutputs { get; init; } = [];
}
