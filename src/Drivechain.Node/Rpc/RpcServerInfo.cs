namespace Drivechain.Node.Rpc;

/// <summary>Where the RPC server actually listens (known once it has started; port 0 resolves to the chosen port).</summary>
public sealed class RpcServerInfo
{
    private readonly TaskCompletionSource<Uri> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Endpoint => _endpoint.Task;

    internal void SetEndpoint(Uri endpoint) => _endpoint.TrySetResult(endpoint);
}
