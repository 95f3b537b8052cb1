namespace Drivechain.Cli.Decoding;

/// <summary>A recognised drivechain message or output, for display: its name, a short meaning and its fields.</summary>
internal sealed record DrivechainMessage(string Type, string Meaning, IReadOnlyList<(string Name, object Value)> Fields);
