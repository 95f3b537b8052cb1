using System.Collections.Frozen;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Validation;

/// <summary>Bitcoin Core's GetBlockScriptFlags: the script rules enforced for the inputs of a block.</summary>
public static class BlockScriptFlags
{
    // Core's script_flag_exceptions (chainparams): the only historical blocks that break P2SH (mainnet and testnet3)
    // and taproot (mainnet). Block hashes are unique across networks, so one table serves all of them.
    private static readonly FrozenDictionary<UInt256, ScriptVerifyFlags> Exceptions = new Dictionary<UInt256, ScriptVerifyFlags>
    {
        [UInt256.Parse("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22")] = ScriptVerifyFlags.None,
        [UInt256.Parse("0000000000000000000f14c35b2d841e986ab5441de8c585d5ffe55ea1e395ad")] = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness,
        [UInt256.Parse("00000000dd30457c001f4095d208cc1296b0eed002427aa599874af7a432b105")] = ScriptVerifyFlags.None,
    }.ToFrozenDictionary();

    /// <summary>
    /// The flags for the block <paramref name="blockHash"/> at <paramref name="height"/>: P2SH, WITNESS and TAPROOT
    /// always (except the historical exception blocks), DERSIG from BIP66, CHECKLOCKTIMEVERIFY from BIP65,
    /// CHECKSEQUENCEVERIFY from CSV and NULLDUMMY from segwit activation.
    /// </summary>
    public static ScriptVerifyFlags Get(int height, UInt256 blockHash, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!Exceptions.TryGetValue(blockHash, out var flags))
            flags = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;
        if (height >= network.Bip66Height) flags |= ScriptVerifyFlags.DerSig;
        if (height >= network.Bip65Height) flags |= ScriptVerifyFlags.CheckLockTimeVerify;
        if (height >= network.CsvHeight) flags |= ScriptVerifyFlags.CheckSequenceVerify;
        if (height >= network.SegwitHeight) flags |= ScriptVerifyFlags.NullDummy;
        return flags;
    }
}
