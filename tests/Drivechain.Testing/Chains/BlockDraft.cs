using System.Collections.Immutable;
using System.Diagnostics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus;

namespace Drivechain.Testing.Chains;

/// <summary>
/// The next block being put together. Coinbase messages are emitted in the honest order (M1s, M2s, M3s, M4, M7s,
/// then raw extra outputs, then the witness commitment); transactions in the order asked, then automatic payouts.
/// </summary>
public sealed partial class BlockDraft
{
    private readonly ChainGenerator _generator;
    private readonly GeneratedBlock _parent;
    private readonly List<(byte Slot, ImmutableArray<byte> Description)> _m1 = [];
    private readonly List<(byte Slot, UInt256 Hash)> _m2 = [];
    private readonly List<(byte Slot, UInt256 M6Id, WithdrawalBundle? Spec)> _m3 = [];
    private readonly List<(byte Slot, byte[] Commitment)> _m7 = [];
    private readonly List<Script> _extraCoinbaseOutputs = [];
    private readonly List<Action<BuildContext>> _transactions = [];
    private byte[]? _m4Votes;
    private bool _withoutM4;
    private uint? _time;
    private string? _note;

    internal BlockDraft(ChainGenerator generator, GeneratedBlock parent)
    {
        _generator = generator;
        _parent = parent;
    }

    /// <summary>The height this block will have.</summary>
    public int Height => _parent.Height + 1;

    /// <summary>The parent.</summary>
    public GeneratedBlock Parent => _parent;

    /// <summary>M1: propose a sidechain.</summary>
    public BlockDraft ProposeSidechain(byte slot, ReadOnlySpan<byte> description)
    {
        _m1.Add((slot, [.. description]));
        return this;
    }

    /// <summary>M2: ACK a proposal explicitly (auto-ACK skips that slot).</summary>
    public BlockDraft AckSidechain(byte slot, UInt256 descriptionHash)
    {
        _m2.Add((slot, descriptionHash));
        return this;
    }

    /// <summary>M3 for a bundle the generator can later pay out (auto-payout) — the slot must be active.</summary>
    public BlockDraft ProposeBundle(WithdrawalBundle bundle)
    {
        _m3.Add((bundle.Slot, bundle.M6Id, bundle));
        return this;
    }

    /// <summary>An explicit M4 v1 vector instead of the automatic one (must match the active slots after this block's M2s).</summary>
    public BlockDraft Vote(params byte[] votes)
    {
        _m4Votes = votes;
        return this;
    }

    /// <summary>No M4 in this block.</summary>
    public BlockDraft WithoutVote()
    {
        _withoutM4 = true;
        return this;
    }

    /// <summary>M7 only (self-BMM, no M8).</summary>
    public BlockDraft AcceptBmm(byte slot, ReadOnlySpan<byte> commitment32)
    {
        _m7.Add((slot, commitment32.ToArray()));
        return this;
    }

    /// <summary>A BMM request (M8 at output 0, bid paid as fee, P = parent hash) and the matching M7.</summary>
    public BlockDraft RequestBmm(byte slot, ReadOnlySpan<byte> commitment32, long bid)
    {
        var commitment = commitment32.ToArray();
        _m7.Add((slot, commitment));
        _transactions.Add(context =>
        {
            var m8 = DrivechainScripts.M8(slot, commitment, _parent.Hash);
            context.Spend(bid, [new TxOut(Money.Zero, m8)]);
        });
        return this;
    }

    /// <summary>M5: deposit <paramref name="amount"/> to an active slot (spends the CTIP if any, adds the address output).</summary>
    public BlockDraft Deposit(byte slot, long amount, ReadOnlySpan<byte> address)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var addressBytes = address.ToArray();
        _transactions.Add(context => context.Deposit(slot, amount, addressBytes));
        return this;
    }

    /// <summary>A wallet payment to <paramref name="script"/> (coins from earlier blocks; change back to the wallet).</summary>
    public BlockDraft Pay(Script script, long amount)
    {
        _transactions.Add(context => context.Spend(context.Fee, [new TxOut(new Money(amount), script)]));
        return this;
    }

    /// <summary>A transaction built elsewhere; <paramref name="fee"/> is added to the coinbase. Not tracked by the wallet or model.</summary>
    public BlockDraft AddTransaction(Transaction transaction, long fee)
    {
        _transactions.Add(context => context.Add(transaction, fee));
        return this;
    }

    /// <summary>A raw coinbase output (value 0) after the messages; never interpreted by the generator's model.</summary>
    public BlockDraft AddCoinbaseOutput(Script script)
    {
        _extraCoinbaseOutputs.Add(script);
        return this;
    }

    /// <summary>Sets the header time (default: parent time + 1, above median-time-past).</summary>
    public BlockDraft WithTime(uint time)
    {
        _time = time;
        return this;
    }

    /// <summary>A note written with the block into vectors.</summary>
    public BlockDraft WithNote(string note)
    {
        _note = note;
        return this;
    }

    /// <summary>Builds a valid block, records it as accepted and makes it the tip.</summary>
    public GeneratedBlock Build()
    {
        var (block, model, wallet) = Assemble();
        var state = _generator.Validator.Connect(_parent.State, block, Height) switch
        {
            ConnectOutcome.Accepted accepted => accepted.State,
            ConnectOutcome.Rejected rejected => throw new InvalidOperationException(
                $"the generator built block {Height} but the drivechain rules reject it: {rejected.Rejection}"),
            _ => throw new UnreachableException(),
        };
        var generated = new GeneratedBlock(block, Height, _parent, model, state, wallet, _parent.ChainWork + 1);
        _generator.Record(block, generated, expectAccept: true, code: null, _note);
        return generated;
    }

    /// <summary>
    /// Builds a block the node must reject with <paramref name="expectedCode"/> (e.g. after adding a bad coinbase
    /// output); the tip, model and wallet stay as they were.
    /// </summary>
    public Block BuildInvalid(string? expectedCode, string? note = null)
    {
        var (block, _, _) = Assemble();
        if (expectedCode is not null && expectedCode != "BASE")
        {
            var outcome = _generator.Validator.Connect(_parent.State, block, Height);
            if (outcome is not ConnectOutcome.Rejected rejected || rejected.Rejection.CodeString != expectedCode)
                throw new InvalidOperationException($"block {Height} was built to fail with {expectedCode}, but the drivechain rules say {outcome}");
        }
        _generator.Record(block, null, expectAccept: false, expectedCode, note ?? _note);
        return block;
    }

    private static UInt256 DescriptionHash(ImmutableArray<byte> description) => Hashes.Sha256d(description.AsSpan());
}
