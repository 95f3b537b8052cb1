using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Testing.Consensus;

/// <summary>
/// A linear chain connected through a <see cref="DrivechainValidator"/>: keeps the state, height, tip hash,
/// and every connected block with its undo. Starts at a fake genesis (height 0, not connected).
/// </summary>
public sealed class ChainBuilder
{
    private readonly List<(Block Block, DrivechainState Before, BlockUndo Undo)> _connected = [];
    private ulong _funding;

    /// <summary>A chain at the fake genesis (height 0).</summary>
    public ChainBuilder(DrivechainParams parameters)
    {
        Params = parameters;
        Validator = new DrivechainValidator(parameters);
        State = DrivechainState.Empty;
        TipHash = Hashes.Sha256d("genesis"u8);
        GenesisHash = TipHash;
    }

    /// <summary>The parameters.</summary>
    public DrivechainParams Params { get; }
    /// <summary>The validator.</summary>
    public DrivechainValidator Validator { get; }
    /// <summary>The tip state.</summary>
    public DrivechainState State { get; private set; }
    /// <summary>The tip height (0 = genesis).</summary>
    public int Height { get; private set; }
    /// <summary>The tip hash.</summary>
    public UInt256 TipHash { get; private set; }
    /// <summary>The fake genesis hash.</summary>
    public UInt256 GenesisHash { get; }
    /// <summary>The connected blocks, oldest first, with the state before each and its undo.</summary>
    public IReadOnlyList<(Block Block, DrivechainState Before, BlockUndo Undo)> Connected => _connected;

    /// <summary>A fresh funding outpoint.</summary>
    public OutPoint NextFunding() => DrivechainTransactions.Funding(++_funding);

    /// <summary>A builder for the next block.</summary>
    public DrivechainBlockBuilder NextBlock() => new(TipHash, Height + 1);

    /// <summary>Connects a block built by <paramref name="build"/>; returns the outcome (the chain moves only on accept).</summary>
    public ConnectOutcome TryMine(Action<DrivechainBlockBuilder>? build = null)
    {
        var builder = NextBlock();
        build?.Invoke(builder);
        return Submit(builder.Build());
    }

    /// <summary>Connects <paramref name="block"/> at the next height; the chain moves only on accept.</summary>
    public ConnectOutcome Submit(Block block)
    {
        var outcome = Validator.Connect(State, block, Height + 1);
        if (outcome is ConnectOutcome.Accepted accepted)
        {
            _connected.Add((block, State, accepted.Undo));
            State = accepted.State;
            Height++;
            TipHash = block.Hash;
        }
        return outcome;
    }

    /// <summary>Connects a block built by <paramref name="build"/>; throws when it is rejected.</summary>
    public ConnectOutcome.Accepted Mine(Action<DrivechainBlockBuilder>? build = null)
    {
        var outcome = TryMine(build);
        return outcome as ConnectOutcome.Accepted
            ?? throw new InvalidOperationException($"block at height {Height + 1} rejected: {((ConnectOutcome.Rejected)outcome).Rejection}");
    }

    /// <summary>Mines <paramref name="count"/> empty blocks.</summary>
    public ChainBuilder MineEmpty(int count)
    {
        for (int i = 0; i < count; i++) Mine();
        return this;
    }

    /// <summary>Disconnects the tip (through the validator and its undo).</summary>
    public void DisconnectTip()
    {
        var (block, before, undo) = _connected[^1];
        _connected.RemoveAt(_connected.Count - 1);
        State = Validator.Disconnect(State, undo);
        Height--;
        TipHash = block.Header.PreviousBlockHash;
        if (!State.Equals(before)) throw new InvalidOperationException($"disconnect of height {Height + 1} did not restore the state");
    }

    /// <summary>Proposes and ACKs sidechains in <paramref name="slots"/> until they are active (M1 block, then M2 blocks).</summary>
    public ChainBuilder WithActiveSidechains(params byte[] slots)
    {
        var descriptions = slots.Select(s => Ids.Description($"sc{s}")).ToArray();
        Mine(b =>
        {
            for (int i = 0; i < slots.Length; i++) b.WithM1(slots[i], descriptions[i]);
        });
        for (int guard = 0; guard < 100_000 && !slots.All(State.IsActive); guard++)
            Mine(b =>
            {
                for (int i = 0; i < slots.Length; i++)
                    if (!State.IsActive(slots[i])) b.WithM2(slots[i], Hashes.Sha256d(descriptions[i]));
            });
        return this;
    }

    /// <summary>Activates one sidechain.</summary>
    public ChainBuilder WithActiveSidechain(byte slot) => WithActiveSidechains(slot);

    /// <summary>Mines a deposit of <paramref name="amount"/> to <paramref name="slot"/>.</summary>
    public Transaction Deposit(byte slot, long amount)
    {
        var tx = DrivechainTransactions.Deposit(slot, State.GetCtip(slot), new Money(amount), "addr"u8, NextFunding());
        Mine(b => b.WithTransaction(tx));
        return tx;
    }

    /// <summary>Proposes the bundle <paramref name="blinded"/> in <paramref name="slot"/> and upvotes it (v1, ASN-wide: index 0 for this slot, abstain elsewhere) until its ACKs exceed the inclusion threshold.</summary>
    public M6Id ProposeAndApprove(byte slot, Transaction blinded) => ProposeAndApprove(slot, M6Id.OfBlinded(blinded));

    /// <summary>Proposes <paramref name="id"/> in <paramref name="slot"/> and upvotes it past the inclusion threshold.</summary>
    public M6Id ProposeAndApprove(byte slot, M6Id id)
    {
        Mine(b => b.WithM3(slot, id));
        while (State.GetPendingBundles(slot).First(x => x.M6Id == id).Acks <= Params.WithdrawalBundleInclusionThreshold)
        {
            int index = State.GetPendingBundles(slot).IndexOf(State.GetPendingBundles(slot).First(x => x.M6Id == id));
            Mine(b => b.WithM4(UpvoteOnly(slot, (byte)index)));
        }
        return id;
    }

    /// <summary>A v1 M4 that upvotes <paramref name="index"/> in <paramref name="slot"/> and abstains elsewhere.</summary>
    public M4AckBundles UpvoteOnly(byte slot, byte index)
    {
        var active = State.ActiveSidechains;
        var raw = new byte[active.Length];
        for (int i = 0; i < raw.Length; i++) raw[i] = active[i].Slot == slot ? index : (byte)0xff;
        return M4AckBundles.OneByte(raw);
    }
}
