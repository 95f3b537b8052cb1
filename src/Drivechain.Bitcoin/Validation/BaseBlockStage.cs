using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;

namespace Drivechain.Bitcoin.Validation;

/// <summary>One named step of the <see cref="BaseBlockStages"/>: null when the block passes it, else the rule it breaks.</summary>
/// <param name="Name">The stage's name (Core's function name in kebab case).</param>
/// <param name="Phase">When it runs for a received block.</param>
/// <param name="Run">The check.</param>
public sealed record BaseBlockStage(string Name, BlockStagePhase Phase, Func<BaseBlockCheck, Network, ISecp256k1, BlockValidationError?> Run);
