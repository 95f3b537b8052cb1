using System.Text.Json.Serialization;

namespace Drivechain.Node.Wallet;

/// <summary><see cref="WalletMetadata"/>'s JSON, source-generated (no reflection: the node is published as NativeAOT).</summary>
[JsonSerializable(typeof(WalletMetadata))]
internal sealed partial class WalletMetadataJson : JsonSerializerContext;
