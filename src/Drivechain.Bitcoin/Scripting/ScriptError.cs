namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Why a script failed, one value per Bitcoin Core <c>SCRIPT_ERR_*</c> code. <see cref="ScriptErrorNames.ToCoreName"/>
/// gives the name Core's script_tests.json uses (the constant without its prefix; <see cref="SigNullFail"/> is "NULLFAIL").
/// </summary>
public enum ScriptError
{
    /// <summary>No error.</summary>
    Ok,
    /// <summary>Unknown error.</summary>
    UnknownError,
    /// <summary>The script finished with a false (or no) value on top of the stack.</summary>
    EvalFalse,
    /// <summary>OP_RETURN was executed.</summary>
    OpReturn,
    /// <summary>Script larger than 10,000 bytes.</summary>
    ScriptSize,
    /// <summary>Push larger than 520 bytes.</summary>
    PushSize,
    /// <summary>More than 201 non-push operations.</summary>
    OpCount,
    /// <summary>Stack plus altstack larger than 1,000 items.</summary>
    StackSize,
    /// <summary>Signature count out of range in CHECKMULTISIG.</summary>
    SigCount,
    /// <summary>Public key count out of range in CHECKMULTISIG.</summary>
    PubKeyCount,
    /// <summary>OP_VERIFY failed.</summary>
    Verify,
    /// <summary>OP_EQUALVERIFY failed.</summary>
    EqualVerify,
    /// <summary>OP_CHECKMULTISIGVERIFY failed.</summary>
    CheckMultiSigVerify,
    /// <summary>OP_CHECKSIGVERIFY failed.</summary>
    CheckSigVerify,
    /// <summary>OP_NUMEQUALVERIFY failed.</summary>
    NumEqualVerify,
    /// <summary>Bad or malformed opcode.</summary>
    BadOpcode,
    /// <summary>A disabled opcode (OP_CAT, OP_MUL, …) was met.</summary>
    DisabledOpcode,
    /// <summary>Operation needs more stack items than there are.</summary>
    InvalidStackOperation,
    /// <summary>OP_FROMALTSTACK on an empty altstack.</summary>
    InvalidAltstackOperation,
    /// <summary>IF/ELSE/ENDIF not balanced.</summary>
    UnbalancedConditional,
    /// <summary>CLTV/CSV with a negative argument.</summary>
    NegativeLocktime,
    /// <summary>CLTV/CSV requirement not met.</summary>
    UnsatisfiedLocktime,
    /// <summary>Undefined signature hash type.</summary>
    SigHashType,
    /// <summary>Non-canonical DER signature.</summary>
    SigDer,
    /// <summary>Non-minimal push or number.</summary>
    MinimalData,
    /// <summary>scriptSig is not push-only.</summary>
    SigPushOnly,
    /// <summary>Signature S value above n/2.</summary>
    SigHighS,
    /// <summary>CHECKMULTISIG dummy element not empty.</summary>
    SigNullDummy,
    /// <summary>Public key encoding not accepted.</summary>
    PubKeyType,
    /// <summary>Stack not clean after evaluation.</summary>
    CleanStack,
    /// <summary>IF/NOTIF argument not minimal.</summary>
    MinimalIf,
    /// <summary>A failed signature check with a non-empty signature (Core's SCRIPT_ERR_SIG_NULLFAIL, "NULLFAIL").</summary>
    SigNullFail,
    /// <summary>Upgradable NOP executed.</summary>
    DiscourageUpgradableNops,
    /// <summary>Unknown witness program version or length.</summary>
    DiscourageUpgradableWitnessProgram,
    /// <summary>Unknown taproot leaf version.</summary>
    DiscourageUpgradableTaprootVersion,
    /// <summary>OP_SUCCESSx met.</summary>
    DiscourageOpSuccess,
    /// <summary>Unknown tapscript public key type.</summary>
    DiscourageUpgradablePubKeyType,
    /// <summary>Witness program of the wrong length.</summary>
    WitnessProgramWrongLength,
    /// <summary>Witness program spent with an empty witness.</summary>
    WitnessProgramWitnessEmpty,
    /// <summary>Witness program hash mismatch.</summary>
    WitnessProgramMismatch,
    /// <summary>Native witness program with a non-empty scriptSig.</summary>
    WitnessMalleated,
    /// <summary>P2SH witness program with a scriptSig other than one push of the redeem script.</summary>
    WitnessMalleatedP2sh,
    /// <summary>Witness given for a non-witness spend.</summary>
    WitnessUnexpected,
    /// <summary>Segwit v0 public key not compressed.</summary>
    WitnessPubKeyType,
    /// <summary>Schnorr signature of invalid size.</summary>
    SchnorrSigSize,
    /// <summary>Schnorr signature with an invalid hash type.</summary>
    SchnorrSigHashType,
    /// <summary>Invalid Schnorr signature.</summary>
    SchnorrSig,
    /// <summary>Control block of invalid size.</summary>
    TaprootWrongControlSize,
    /// <summary>Tapscript validation weight budget exceeded.</summary>
    TapscriptValidationWeight,
    /// <summary>CHECKMULTISIG in tapscript.</summary>
    TapscriptCheckMultiSig,
    /// <summary>Tapscript IF argument not minimal.</summary>
    TapscriptMinimalIf,
    /// <summary>Empty public key in tapscript signature opcode.</summary>
    TapscriptEmptyPubKey,
    /// <summary>OP_CODESEPARATOR in non-segwit script under CONST_SCRIPTCODE.</summary>
    OpCodeSeparator,
    /// <summary>Signature found in the scriptCode under CONST_SCRIPTCODE.</summary>
    SigFindAndDelete,
    /// <summary>A script number out of range or not minimally encoded.</summary>
    ScriptNum,
}
