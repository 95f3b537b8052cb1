using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Testing.Chains;

/// <summary>
/// Builds valid regtest chains from genesis: BIP34 coinbases, witness commitments, correct subsidy + fees, times
/// above median-time-past, ground nonces; a wallet of anyone-can-spend coins; honest drivechain flows (M1/M2
/// activation, M5 deposits, M3/M4/M6 withdrawals, M7/M8 BMM); forks from any earlier block; and a log of every
/// block offered, which <see cref="VectorWriter"/> turns into a <c>drivechain-vectors/1</c> file.
/// </summary>
public sealed class ChainGenerator
{
    private readonly List<VectorEntry> _log = [];
    private int _branchCounter;

    /// <summary>Starts at the network's genesis block.</summary>
    public ChainGenerator(ChainGeneratorOptions? options = null)
    {
        Options = options ?? new ChainGeneratorOptions();
        WalletKey = new WalletKey(Options.WalletKind, Options.Secp);
        var t = Options.Thresholds;
        Params = new DrivechainParams(t.WithdrawalBundleMaxAge, t.WithdrawalBundleInclusionThreshold, t.UsedSlotProposalMaxAge,
            t.UsedSlotActivationThreshold, t.UnusedSlotProposalMaxAge, t.UnusedSlotActivationThreshold);
        Validator = new DrivechainValidator(Params);
        var genesis = Options.Network.Genesis;
        var state = Validator.Connect(DrivechainState.Empty, genesis, 0) is ConnectOutcome.Accepted accepted
            ? accepted.State
            : throw new InvalidOperationException("the drivechain rules reject the genesis block");
        Genesis = new GeneratedBlock(genesis, 0, null, DrivechainModel.Empty, state, Wallet.Empty, 0);
        Tip = Genesis;
        Best = Genesis;
    }

    /// <summary>The options.</summary>
    public ChainGeneratorOptions Options { get; }

    /// <summary>The wallet's key and script.</summary>
    public WalletKey WalletKey { get; }

    /// <summary>The drivechain parameters matching <see cref="ChainGeneratorOptions.Thresholds"/> (activation height 0).</summary>
    public DrivechainParams Params { get; }

    /// <summary>The consensus validator every generated block is connected with.</summary>
    public DrivechainValidator Validator { get; }

    /// <summary>The genesis block.</summary>
    public GeneratedBlock Genesis { get; }

    /// <summary>Where the next block is built (moved by <see cref="ForkFrom"/>).</summary>
    public GeneratedBlock Tip { get; private set; }

    /// <summary>The chain a node would consider active: most blocks, first seen wins a tie.</summary>
    public GeneratedBlock Best { get; private set; }

    /// <summary>Every block offered so far, in order (valid and invalid).</summary>
    public IReadOnlyList<VectorEntry> Log => _log;

    /// <summary>The height of <see cref="Tip"/>.</summary>
    public int Height => Tip.Height;

    /// <summary>Starts a block on <see cref="Tip"/>.</summary>
    public BlockDraft Next() => new(this, Tip);

    /// <summary>Builds the next block on the tip with only the automatic content.</summary>
    public GeneratedBlock Mine() => Next().Build();

    /// <summary>Mines <paramref name="count"/> blocks.</summary>
    public GeneratedBlock Mine(int count)
    {
        for (int i = 0; i < count; i++) Mine();
        return Tip;
    }

    /// <summary>Continues building on <paramref name="block"/> (a fork when it is not the tip). Returns it.</summary>
    public GeneratedBlock ForkFrom(GeneratedBlock block)
    {
        Tip = block;
        _branchCounter++;
        return block;
    }

    /// <summary>Proposes a sidechain (M1) and mines until it is active (acks above the activation threshold). Returns the activating block.</summary>
    public GeneratedBlock ActivateSidechains(IEnumerable<(byte Slot, byte[] Description)> sidechains)
    {
        var list = sidechains.ToList();
        var draft = Next();
        foreach (var (slot, description) in list) draft.ProposeSidechain(slot, description);
        draft.Build();
        while (list.Any(s => !Tip.Model.Active.TryGetValue(s.Slot, out var active) || !active.Description.AsSpan().SequenceEqual(s.Description)))
        {
            if (list.Any(s => !Tip.Model.Proposals.Any(p => p.Slot == s.Slot) && !Tip.Model.Active.ContainsKey(s.Slot)))
                throw new InvalidOperationException("a proposal expired before activation (turn AutoAckProposals on)");
            Mine();
        }
        return Tip;
    }

    /// <summary>A description in the honest version-0 layout (spec §10): version, title, description, two hash IDs.</summary>
    public static byte[] Description(string title, string description = "generated sidechain")
    {
        var t = System.Text.Encoding.UTF8.GetBytes(title);
        var d = System.Text.Encoding.UTF8.GetBytes(description);
        return [0x00, (byte)t.Length, .. t, .. d, .. Hashes.Sha256(t).ToBytes(), .. Hashes.Hash160(d).ToBytes()];
    }

    internal int BranchId => _branchCounter;

    internal void Record(Block block, GeneratedBlock? accepted, bool expectAccept, string? code, string? note)
    {
        if (accepted is not null && accepted.ChainWork > Best.ChainWork) Best = accepted;
        if (accepted is not null) Tip = accepted;
        _log.Add(new VectorEntry(block, expectAccept, code, Best, note));
    }
}
