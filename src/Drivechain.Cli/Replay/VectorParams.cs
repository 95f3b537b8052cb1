namespace Drivechain.Cli.Replay;

/// <summary>A vector's <c>params</c>: base network, optional threshold overrides, activation height.</summary>
internal sealed record VectorParams(string Network, VectorThresholds? Thresholds, int? ActivationHeight);
