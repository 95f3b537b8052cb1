using System.Net;
using System.Net.Sockets;
using Drivechain.Node.Hosting;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>What <see cref="AddressSeeder.SeedAsync"/> did: nothing (the manager knew addresses), or DNS seeds asked and fixed seeds added.</summary>
/// <param name="Skipped">The address manager was not empty: no seed was used.</param>
/// <param name="DnsSeedsAsked">How many DNS seeds were asked (0 with -dnsseed=0 or a chain without DNS seeds).</param>
/// <param name="DnsAddresses">New addresses the DNS seeds gave.</param>
/// <param name="DnsError">The first DNS failure when no seed answered (null otherwise).</param>
/// <param name="FixedAdded">Fixed seed addresses added (0 unless the manager was still empty and -fixedseeds).</param>
/// <param name="WaitedForOtherSources">The fixed seeds waited for the rest of the first minute (DNS seeds or -addnode could fill the manager).</param>
public sealed record SeedOutcome(bool Skipped, int DnsSeedsAsked, int DnsAddresses, string? DnsError, int FixedAdded, bool WaitedForOtherSources = false);

/// <summary>
/// Seeding of an empty address manager as Core's ThreadDNSAddressSeed and fixed-seed fallback: only when it knows no address,
/// the chain's DNS seeds (-dnsseed) are resolved, each answer an address at the chain's default port with a random age of 3
/// to 7 days; then, when it is still empty and -fixedseeds, the chain's fixed seeds are added as 7 days old — at once when
/// there were no DNS seeds to ask and no -addnode peers, else once a minute has passed since the start (Core gives those
/// sources 60 seconds) and only if the manager is still empty. Resolution failures (no network) are collected, never thrown.
/// </summary>
public static class AddressSeeder
{
    /// <summary>How long one DNS seed may take to answer.</summary>
    public static readonly TimeSpan DnsSeedTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the fixed seeds wait for DNS seeds or -addnode peers to fill the manager (Core: 60 seconds).</summary>
    public static readonly TimeSpan FixedSeedsDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Seeds <paramref name="addresses"/> for <paramref name="chain"/>; <paramref name="resolve"/> is the DNS look-up
    /// (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> in the node), <paramref name="wait"/> the delay
    /// before the fixed seeds (<see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> in the node).
    /// </summary>
    public static async Task<SeedOutcome> SeedAsync(AddressManager addresses, ChainKind chain, int defaultPort, bool dnsSeed, bool fixedSeeds,
        bool hasAddedNodes, Func<string, CancellationToken, Task<IPAddress[]>> resolve, Func<TimeSpan, CancellationToken, Task> wait,
        TimeProvider clock, Random random, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(wait);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(random);
        var start = clock.GetUtcNow();
        if (addresses.Count > 0) return new SeedOutcome(true, 0, 0, null, 0);
        var hosts = dnsSeed ? Seeds.DnsSeeds(chain) : [];
        var found = 0;
        string? firstError = null;
        foreach (var host in hosts)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                timeout.CancelAfter(DnsSeedTimeout);
                var resolved = await resolve(host, timeout.Token).ConfigureAwait(false);
                // Core: seeded addresses get a random age of 3 to 7 days, so that they are not relayed as fresh.
                var now = clock.GetUtcNow();
                found += addresses.Add(resolved.Select(a => new PeerAddress(new IPEndPoint(a, defaultPort), PeerManager.LocalServices,
                    now - TimeSpan.FromDays(3) - TimeSpan.FromHours(random.Next(4 * 24)))), IPAddress.Any, TimeSpan.Zero);
            }
            catch (Exception e) when (e is SocketException or ArgumentException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
            {
                firstError ??= $"{host}: {e.Message}";
            }
        }
        var dnsError = found == 0 && hosts.Count > 0 ? firstError ?? "no addresses" : null;
        if (addresses.Count > 0 || !fixedSeeds || Seeds.FixedSeeds(chain).Count == 0) return new SeedOutcome(false, hosts.Count, found, dnsError, 0);
        var waited = false;
        if (hosts.Count > 0 || hasAddedNodes)
        {
            var remaining = FixedSeedsDelay - (clock.GetUtcNow() - start);
            if (remaining > TimeSpan.Zero)
            {
                await wait(remaining, cancellation).ConfigureAwait(false);
                waited = true;
            }
            if (addresses.Count > 0) return new SeedOutcome(false, hosts.Count, found, dnsError, 0, waited);
        }
        var fixedTime = clock.GetUtcNow() - TimeSpan.FromDays(7);
        var fixedAdded = addresses.Add(Seeds.FixedSeeds(chain).Select(e => new PeerAddress(e, PeerManager.LocalServices, fixedTime)), IPAddress.Any, TimeSpan.Zero);
        return new SeedOutcome(false, hosts.Count, found, dnsError, fixedAdded, waited);
    }
}
