namespace Drivechain.Bitcoin.Validation;

/// <summary>How <see cref="BlockValidation.ConnectBlock"/> verifies input scripts.</summary>
public enum ScriptCheckMode
{
    /// <summary>Every input on all cores (the default); the first failure in block order is reported.</summary>
    Parallel,

    /// <summary>Every input on the calling thread, in block order.</summary>
    Sequential,

    /// <summary>
    /// No script verification (Core's assumevalid for blocks below a trusted one). Every other rule, sigop counting
    /// included, still applies.
    /// </summary>
    Skip,
}
