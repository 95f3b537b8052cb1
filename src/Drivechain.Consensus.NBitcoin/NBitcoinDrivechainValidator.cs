using Drivechain.Consensus.State;

namespace Drivechain.Consensus.NBitcoin;

/// <summary>
/// BIP300/301 validation for a node built on NBitcoin: connect, disconnect and mempool-check NBitcoin blocks and
/// transactions without touching Drivechain.NET's own types. Base Bitcoin validity stays the host's concern. Pure and
/// thread-safe (each call works on the snapshot it is given).
/// </summary>
public sealed class NBitcoinDrivechainValidator
{
    private readonly DrivechainValidator _validator;

    /// <summary>A validator with the drivechain parameters of <paramref name="network"/>.</summary>
    public NBitcoinDrivechainValidator(global::NBitcoin.Network network) =>
        _validator = new DrivechainValidator(NBitcoinConversions.ParamsFor(network));

    /// <summary>A validator with explicit parameters (e.g. a test vector's thresholds).</summary>
    public NBitcoinDrivechainValidator(DrivechainParams parameters) => _validator = new DrivechainValidator(parameters);

    /// <summary>Connects <paramref name="block"/> at <paramref name="height"/> on top of <paramref name="state"/>.</summary>
    public DrivechainVerdict Connect(DrivechainSnapshot state, global::NBitcoin.Block block, int height)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _validator.Connect(state.State, NBitcoinConversions.ToDrivechain(block), height) switch
        {
            ConnectOutcome.Accepted accepted => new DrivechainVerdict(true, new DrivechainSnapshot(accepted.State), accepted.Undo.ToBytes(), null, null),
            ConnectOutcome.Rejected rejected => new DrivechainVerdict(false, state, null, rejected.Rejection.CodeString, rejected.Rejection.Detail),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }

    /// <summary>Undoes the block whose <see cref="DrivechainVerdict.Undo"/> is <paramref name="undo"/>.</summary>
    public DrivechainSnapshot Disconnect(DrivechainSnapshot state, byte[] undo)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new DrivechainSnapshot(_validator.Disconnect(state.State, BlockUndo.Parse(undo)));
    }

    /// <summary>The spec §7 mempool check of <paramref name="transaction"/> against the tip: null when acceptable, else the reject code.</summary>
    public string? CheckTransaction(DrivechainSnapshot tip, global::NBitcoin.uint256 tipHash, global::NBitcoin.Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(tipHash);
        var hash = new Drivechain.Bitcoin.Primitives.UInt256(tipHash.ToBytes());
        return _validator.CheckTransaction(tip.State, hash, NBitcoinConversions.ToDrivechain(transaction))?.CodeString;
    }
}
