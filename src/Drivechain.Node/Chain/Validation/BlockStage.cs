using Drivechain.Bitcoin.Validation;

namespace Drivechain.Node.Chain.Validation;

/// <summary>One named step of the <see cref="BlockPipeline"/>: null when the block passes it, else why it does not.</summary>
/// <param name="Name">The stage's name, as docs/architecture.md and the pipeline tests list it.</param>
/// <param name="Phase">When it runs for a received block.</param>
/// <param name="IsDrivechain">True for the drivechain rules (timed apart from the Bitcoin rules).</param>
/// <param name="Run">The check.</param>
public sealed record BlockStage(string Name, BlockStagePhase Phase, bool IsDrivechain, Func<BlockPipeline, BlockCheck, BlockRejection?> Run);
