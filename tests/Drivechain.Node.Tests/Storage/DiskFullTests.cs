using Drivechain.Bitcoin.Networks;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Rpc;
using Drivechain.Node.Storage;
using Drivechain.Node.Tests.Chain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Node.Tests.Storage;

/// <summary>A full disk (injected through the store's free-space probe): refuse the write, keep what was acknowledged, stop.</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("drivechain-diskfull-").FullName;
    private long _freeBytes = long.MaxValue;

    [Fact]
    public void Below_Cores_50_MiB_margin_a_block_is_refused_as_disk_full_and_the_stored_chain_is_intact()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(3);
        using (var chain = ChainPersistenceTests.Open(_dir, new ChainManagerOptions { FreeSpace = _ => _freeBytes }))
        {
            chain.SubmitBlock(builder.Blocks[0]);
            chain.SubmitBlock(builder.Blocks[1]);
            _freeBytes = 10L * 1024 * 1024;

            var submit = () => chain.SubmitBlock(builder.Blocks[2]);

            submit.Should().Throw<StorageFailureException>().WithMessage("Disk space is too low*disk full*");
        }

        using var reopened = ChainPersistenceTests.Open(_dir);
        reopened.Height.Should().Be(2);
        reopened.Tip.Hash.Should().Be(builder.Blocks[1].Hash);
    }

    [Fact]
    public async Task A_storage_failure_inside_an_RPC_call_answers_an_error_and_shuts_the_node_down_with_exit_code_1()
    {
        var lifetime = new StoppingLifetime();
        var readiness = new NodeReadiness(NullLogger<NodeReadiness>.Instance);
        var fatal = new NodeFatalError(lifetime, readiness, NullLogger<NodeFatalError>.Instance);
        var dispatcher = new RpcDispatcher(new RpcMethodTable([new FailingStore()]), NullLogger<RpcDispatcher>.Instance, fatal);
        var exitCode = Environment.ExitCode;
        try
        {
            var reply = await dispatcher.DispatchAsync("""{"method":"submitblock","params":[],"id":1}"""u8.ToArray(), CancellationToken.None);

            reply.Body.Should().Contain("Disk space is too low");
            lifetime.StopRequested.Should().BeTrue();
            readiness.State.Should().Be(NodeState.Stopping);
            Environment.ExitCode.Should().Be(1);
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    private sealed class FailingStore : IRpcMethodProvider
    {
        public IEnumerable<RpcMethod> GetMethods()
        {
            yield return new RpcMethod("submitblock", "Test", [], "Fails like a full disk.", "",
                (_, _) => throw new StorageFailureException("Disk space is too low: 10 MiB free (disk full)"));
        }
    }

    private sealed class StoppingLifetime : IHostApplicationLifetime
    {
        public bool StopRequested { get; private set; }
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => StopRequested = true;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
