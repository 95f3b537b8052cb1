using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Validation;

/// <summary>A small transaction builder for validation tests, with anyone-can-spend scripts.</summary>
internal sealed class TestTx
{
    private readonly List<TxIn> _inputs = [];
    private readonly List<TxOut> _outputs = [];
    private uint _version = 2;
    private uint _lockTime;

    /// <summary>OP_TRUE: spent by an empty scriptSig.</summary>
    public static Script OpTrue { get; } = new(new byte[] { 0x51 });

    /// <summary>OP_FALSE: every spend fails with EVAL_FALSE.</summary>
    public static Script OpFalse { get; } = new(new byte[] { 0x00 });

    /// <summary>P2WSH(OP_TRUE): spent by the witness [OP_TRUE].</summary>
    public static Script P2wshOpTrue { get; } = BuildP2wshOpTrue();

    /// <summary>The witness that spends <see cref="P2wshOpTrue"/>.</summary>
    public static Witness P2wshOpTrueWitness => Witness.Of([0x51]);

    public TestTx Version(uint version)
    {
        _version = version;
        return this;
    }

    public TestTx LockTime(uint lockTime)
    {
        _lockTime = lockTime;
        return this;
    }

    public TestTx Input(OutPoint prevOut, uint sequence = TxIn.SequenceFinal, Script scriptSig = default, Witness witness = default)
    {
        _inputs.Add(new TxIn(prevOut, scriptSig, sequence, witness));
        return this;
    }

    public TestTx Output(long satoshis, Script? scriptPubKey = null)
    {
        _outputs.Add(new TxOut(new Money(satoshis), scriptPubKey ?? OpTrue));
        return this;
    }

    public Transaction Build() => new(_version, [.. _inputs], [.. _outputs], _lockTime);

    /// <summary>A transaction spending <paramref name="prevOut"/> to one OP_TRUE output of <paramref name="satoshis"/>.</summary>
    public static Transaction Spend(OutPoint prevOut, long satoshis) => new TestTx().Input(prevOut).Output(satoshis).Build();

    private static Script BuildP2wshOpTrue()
    {
        var program = Hashes.Sha256([0x51]).ToBytes();
        return new Script(ImmutableArray.Create<byte>(0x00, 0x20).AddRange(program).ToArray());
    }
}
