using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

public static partial class SignatureHash
{
    /// <summary>
    /// The BIP341 signature hash (TapSighash) of input <paramref name="inputIndex"/>. Key path: leave
    /// <paramref name="tapleafHash"/> null. Script path (BIP342): give the leaf hash and the opcode position of the
    /// last executed OP_CODESEPARATOR (0xffffffff for none). <paramref name="annex"/>, when given, is the full annex
    /// item (starting with 0x50). False for an undefined hash type or SIGHASH_SINGLE without a matching output.
    /// </summary>
    public static bool TryTaproot(PrecomputedTransactionData data, int inputIndex, byte hashType, UInt256? tapleafHash,
        uint codeSeparatorPosition, ReadOnlySpan<byte> annex, out UInt256 sighash)
    {
        var exec = new ScriptExecutionData { AnnexInit = true, AnnexPresent = !annex.IsEmpty };
        if (!annex.IsEmpty)
        {
            using var a = new HashWriter();
            a.WriteVarBytes(annex);
            exec.AnnexHash = a.GetSha256();
        }
        if (tapleafHash is { } leaf)
        {
            exec.TapleafHash = leaf;
            exec.TapleafHashInit = true;
            exec.CodeSeparatorPosition = codeSeparatorPosition;
            exec.CodeSeparatorPositionInit = true;
        }
        return TryTaproot(data, inputIndex, hashType, tapleafHash is null ? SigVersion.Taproot : SigVersion.Tapscript, exec, out sighash);
    }

    /// <summary>The BIP341 key-path signature hash with no annex.</summary>
    public static bool TryTaproot(PrecomputedTransactionData data, int inputIndex, byte hashType, out UInt256 sighash) =>
        TryTaproot(data, inputIndex, hashType, null, 0xFFFFFFFF, default, out sighash);

    /// <summary>Core's SignatureHashSchnorr for <see cref="SigVersion.Taproot"/> or <see cref="SigVersion.Tapscript"/>.</summary>
    public static bool TryTaproot(PrecomputedTransactionData data, int inputIndex, byte hashType, SigVersion sigVersion,
        ScriptExecutionData executionData, out UInt256 sighash)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(executionData);
        sighash = default;
        var tx = data.Transaction;
        if ((uint)inputIndex >= (uint)tx.Inputs.Length) return false;
        byte extFlag = sigVersion == SigVersion.Tapscript ? (byte)1 : (byte)0;
        if (!(hashType <= 0x03 || (hashType >= 0x81 && hashType <= 0x83))) return false;
        int outputType = hashType == SignatureEncoding.SigHashDefault ? SignatureEncoding.SigHashAll : hashType & 3;
        bool anyoneCanPay = (hashType & SignatureEncoding.SigHashAnyoneCanPay) != 0;
        if (outputType == SignatureEncoding.SigHashSingle && inputIndex >= tx.Outputs.Length) return false;

        using var w = HashWriter.Tagged("TapSighash");
        w.WriteByte(0); // epoch
        w.WriteByte(hashType);
        w.WriteUInt32(tx.Version);
        w.WriteUInt32(tx.LockTime);
        if (!anyoneCanPay)
        {
            w.WriteUInt256(data.ShaPrevouts);
            w.WriteUInt256(data.ShaAmounts);
            w.WriteUInt256(data.ShaScriptPubKeys);
            w.WriteUInt256(data.ShaSequences);
        }
        if (outputType == SignatureEncoding.SigHashAll) w.WriteUInt256(data.ShaOutputs);
        bool haveAnnex = executionData.AnnexInit && executionData.AnnexPresent;
        w.WriteByte((byte)((extFlag << 1) + (haveAnnex ? 1 : 0)));
        if (anyoneCanPay)
        {
            var input = tx.Inputs[inputIndex];
            w.WriteOutPoint(input.PrevOut);
            w.WriteTxOut(data.SpentOutputs[inputIndex]);
            w.WriteUInt32(input.Sequence);
        }
        else
        {
            w.WriteUInt32((uint)inputIndex);
        }
        if (haveAnnex) w.WriteUInt256(executionData.AnnexHash);
        if (outputType == SignatureEncoding.SigHashSingle)
        {
            using var o = new HashWriter();
            o.WriteTxOut(tx.Outputs[inputIndex]);
            w.WriteUInt256(o.GetSha256());
        }
        if (sigVersion == SigVersion.Tapscript)
        {
            if (!executionData.TapleafHashInit || !executionData.CodeSeparatorPositionInit) return false;
            w.WriteUInt256(executionData.TapleafHash);
            w.WriteByte(0); // key_version
            w.WriteUInt32(executionData.CodeSeparatorPosition);
        }
        sighash = w.GetSha256();
        return true;
    }
}
