using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.Chains;

/// <summary>Encoders for the drivechain scripts of spec §2 (honest, minimal pushes) and the wallet's anyone-can-spend scripts.</summary>
public static class DrivechainScripts
{
    /// <summary>M1 tag.</summary>
    public static ReadOnlySpan<byte> M1Tag => [0xd5, 0xe0, 0xc4, 0xaf];
    /// <summary>M2 tag (enforcer's <c>df</c>).</summary>
    public static ReadOnlySpan<byte> M2Tag => [0xd6, 0xe1, 0xc5, 0xdf];
    /// <summary>M3 tag.</summary>
    public static ReadOnlySpan<byte> M3Tag => [0xd4, 0x5a, 0xa9, 0x43];
    /// <summary>M4 tag.</summary>
    public static ReadOnlySpan<byte> M4Tag => [0xd7, 0x7d, 0x17, 0x76];
    /// <summary>M7 tag.</summary>
    public static ReadOnlySpan<byte> M7Tag => [0xd1, 0x61, 0x73, 0x68];

    /// <summary><c>OP_RETURN</c> followed by one minimal push of <paramref name="payload"/>.</summary>
    public static Script OpReturn(ReadOnlySpan<byte> payload) =>
        new ScriptBuilder().Op(OpcodeType.OP_RETURN).Push(payload).ToScript();

    /// <summary>M1: propose sidechain (slot, description).</summary>
    public static Script M1(byte slot, ReadOnlySpan<byte> description) => OpReturn([.. M1Tag, slot, .. description]);

    /// <summary>M2: ACK the proposal whose description hashes to <paramref name="descriptionHash"/> (internal order).</summary>
    public static Script M2(byte slot, UInt256 descriptionHash) => OpReturn([.. M2Tag, slot, .. descriptionHash.ToBytes()]);

    /// <summary>M3: propose the bundle <paramref name="m6Id"/>.</summary>
    public static Script M3(byte slot, UInt256 m6Id) => OpReturn([.. M3Tag, slot, .. m6Id.ToBytes()]);

    /// <summary>M4 version 1: one byte per active slot (index, 0xfe alarm, 0xff abstain).</summary>
    public static Script M4OneByte(ReadOnlySpan<byte> votes) => OpReturn([.. M4Tag, 0x01, .. votes]);

    /// <summary>M4 version 0 (repeat previous) or 3 (upvote leading by 50).</summary>
    public static Script M4Version(byte version) => OpReturn([.. M4Tag, version]);

    /// <summary>M7: BMM accept (slot, commitment).</summary>
    public static Script M7(byte slot, ReadOnlySpan<byte> commitment32) => OpReturn([.. M7Tag, slot, .. commitment32]);

    /// <summary>M8 (output 0 of a BMM request): <c>6a 44 00bf00 S H P</c>, P = the parent block hash.</summary>
    public static Script M8(byte slot, ReadOnlySpan<byte> commitment32, UInt256 previousBlock)
    {
        if (commitment32.Length != 32) throw new ArgumentException("the commitment is 32 bytes", nameof(commitment32));
        return new Script((byte[])[0x6a, 0x44, 0x00, 0xbf, 0x00, slot, .. commitment32, .. previousBlock.ToBytes()]);
    }

    /// <summary>Treasury script <c>b4 01 S 51</c>.</summary>
    public static Script Treasury(byte slot) => new((byte[])[0xb4, 0x01, slot, 0x51]);

    /// <summary>Deposit address output script: <c>OP_RETURN &lt;address&gt;</c>.</summary>
    public static Script DepositAddress(ReadOnlySpan<byte> address) => OpReturn(address);

    /// <summary>Bare <c>OP_TRUE</c>: spendable with an empty scriptSig.</summary>
    public static Script OpTrue { get; } = new((byte[])[0x51]);

    /// <summary>The witness script of <see cref="P2wshOpTrue"/>.</summary>
    public static byte[] OpTrueWitnessScript { get; } = [0x51];

    /// <summary>P2WSH(OP_TRUE): spendable with the witness <c>[51]</c>.</summary>
    public static Script P2wshOpTrue { get; } = new((byte[])[0x00, 0x20, .. Hashes.Sha256(OpTrueWitnessScript).ToBytes()]);
}
