using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Testing.Chains;

/// <summary>How the generator builds blocks. Defaults: regtest, SHORT thresholds, honest auto behaviour on.</summary>
public sealed record ChainGeneratorOptions
{
    /// <summary>The base network (its genesis, subsidy and proof-of-work limit are used).</summary>
    public Network Network { get; init; } = Network.Regtest;

    /// <summary>The BIP300 thresholds the chain is built for (write them into vectors).</summary>
    public ChainThresholds Thresholds { get; init; } = ChainThresholds.Short;

    /// <summary>Each block ACKs (M2) one pending proposal per slot (spec §10 ack_all_proposals).</summary>
    public bool AutoAckProposals { get; init; } = true;

    /// <summary>Each block with active sidechains carries an M4 v1 over all of them: 0 where bundles are pending, else abstain.</summary>
    public bool AutoVoteBundles { get; init; } = true;

    /// <summary>Each block pays out (M6) every generator-made bundle whose ACKs exceed the inclusion threshold.</summary>
    public bool AutoPayout { get; init; } = true;

    /// <summary>What the wallet pays to and spends from (signing kinds need <see cref="Secp"/>).</summary>
    public WalletKind WalletKind { get; init; } = WalletKind.P2wshOpTrue;

    /// <summary>The signature implementation for <see cref="WalletKind.P2wpkh"/> and <see cref="WalletKind.P2trKeyPath"/>.</summary>
    public ISecp256k1? Secp { get; init; }

    /// <summary>Fee paid by each wallet transaction, in satoshis.</summary>
    public long TransactionFee { get; init; } = 1_000;
}
