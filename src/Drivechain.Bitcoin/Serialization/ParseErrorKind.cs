namespace Drivechain.Bitcoin.Serialization;

/// <summary>Why bytes could not be parsed.</summary>
public enum ParseErrorKind
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The input ended before the structure did.</summary>
    Truncated,
    /// <summary>A CompactSize used more bytes than its value needs (Core: "non-canonical ReadCompactSize()").</summary>
    NonCanonicalCompactSize,
    /// <summary>A CompactSize exceeds MAX_SIZE (0x02000000).</summary>
    CompactSizeTooLarge,
    /// <summary>A count or length is larger than the remaining input could possibly hold.</summary>
    CountTooLarge,
    /// <summary>Bytes were left over after the structure.</summary>
    TrailingBytes,
    /// <summary>A segwit marker was followed by a flag byte other than 0x01.</summary>
    UnknownWitnessFlag,
    /// <summary>The witness flag was set but every witness stack was empty (Core: "Superfluous witness record").</summary>
    SuperfluousWitness,
    /// <summary>Text (hex) input that is not valid.</summary>
    InvalidText,
}
