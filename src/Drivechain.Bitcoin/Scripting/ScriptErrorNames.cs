namespace Drivechain.Bitcoin.Scripting;

/// <summary>Core's names for <see cref="ScriptError"/> values (as in script_tests.json).</summary>
public static class ScriptErrorNames
{
    private static readonly string[] Names =
    [
        "OK", "UNKNOWN_ERROR", "EVAL_FALSE", "OP_RETURN", "SCRIPT_SIZE", "PUSH_SIZE", "OP_COUNT", "STACK_SIZE",
        "SIG_COUNT", "PUBKEY_COUNT", "VERIFY", "EQUALVERIFY", "CHECKMULTISIGVERIFY", "CHECKSIGVERIFY",
        "NUMEQUALVERIFY", "BAD_OPCODE", "DISABLED_OPCODE", "INVALID_STACK_OPERATION", "INVALID_ALTSTACK_OPERATION",
        "UNBALANCED_CONDITIONAL", "NEGATIVE_LOCKTIME", "UNSATISFIED_LOCKTIME", "SIG_HASHTYPE", "SIG_DER",
        "MINIMALDATA", "SIG_PUSHONLY", "SIG_HIGH_S", "SIG_NULLDUMMY", "PUBKEYTYPE", "CLEANSTACK", "MINIMALIF",
        "NULLFAIL", "DISCOURAGE_UPGRADABLE_NOPS", "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM",
        "DISCOURAGE_UPGRADABLE_TAPROOT_VERSION", "DISCOURAGE_OP_SUCCESS", "DISCOURAGE_UPGRADABLE_PUBKEYTYPE",
        "WITNESS_PROGRAM_WRONG_LENGTH", "WITNESS_PROGRAM_WITNESS_EMPTY", "WITNESS_PROGRAM_MISMATCH",
        "WITNESS_MALLEATED", "WITNESS_MALLEATED_P2SH", "WITNESS_UNEXPECTED", "WITNESS_PUBKEYTYPE",
        "SCHNORR_SIG_SIZE", "SCHNORR_SIG_HASHTYPE", "SCHNORR_SIG", "TAPROOT_WRONG_CONTROL_SIZE",
        "TAPSCRIPT_VALIDATION_WEIGHT", "TAPSCRIPT_CHECKMULTISIG", "TAPSCRIPT_MINIMALIF", "TAPSCRIPT_EMPTY_PUBKEY",
        "OP_CODESEPARATOR", "SIG_FINDANDDELETE", "SCRIPTNUM",
    ];

    /// <summary>Core's name of the error without the SCRIPT_ERR_ prefix, e.g. "EVAL_FALSE", "NULLFAIL".</summary>
    public static string ToCoreName(this ScriptError error) => Names[(int)error];

    /// <summary>Parses a Core name (with or without the SCRIPT_ERR_ prefix; "SIG_NULLFAIL" is also accepted).</summary>
    public static bool TryParse(string name, out ScriptError error)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("SCRIPT_ERR_", StringComparison.Ordinal)) name = name["SCRIPT_ERR_".Length..];
        if (name == "SIG_NULLFAIL") name = "NULLFAIL";
        int index = Array.IndexOf(Names, name);
        error = index < 0 ? ScriptError.UnknownError : (ScriptError)index;
        return index >= 0;
    }
}
