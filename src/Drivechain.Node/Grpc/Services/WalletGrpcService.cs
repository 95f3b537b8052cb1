using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Hosting;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Ledger;
using Drivechain.Wallet.Spending;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OutPoint = Drivechain.Bitcoin.Primitives.OutPoint;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.mainchain.v1.WalletService</c> (spec §4) over the node's wallet: the wallet named "" (what CreateWallet makes),
/// else the only loaded one. Every call runs under the node lock and the wallets' lock, after the wallets caught up with
/// the tip-change stream; a failed call changes nothing. docs/wallet.md.
/// </summary>
public sealed class WalletGrpcService(NodeChain node, WalletManager wallets, Mempool.FeeEstimation.WalletFeeRate defaultFee) : WalletService.WalletServiceBase
{
    /// <summary>The name of the wallet gRPC's CreateWallet creates (Core's default wallet name).</summary>
    public const string DefaultWalletName = "";

    public override Task<CreateWalletResponse> CreateWallet(CreateWalletRequest request, ServerCallContext context) =>
        RunAsync(context, wallets =>
        {
            if (wallets.Loaded.Count > 0) throw new RpcException(new Status(StatusCode.AlreadyExists, "a wallet already exists; unlock it with UnlockWallet"));
            string? mnemonic = null;
            if (request.MnemonicWords.Count > 0 && request.MnemonicPath.Length > 0)
                throw Invalid("give mnemonic_words or mnemonic_path, not both");
            if (request.MnemonicWords.Count > 0) mnemonic = string.Join(' ', request.MnemonicWords);
            if (request.MnemonicPath.Length > 0)
            {
                try { mnemonic = File.ReadAllText(request.MnemonicPath).Trim(); }
                catch (IOException e) { throw Invalid($"mnemonic_path: {e.Message}"); }
                catch (UnauthorizedAccessException e) { throw Invalid($"mnemonic_path: {e.Message}"); }
            }
            wallets.Create(DefaultWalletName, request.Password, mnemonic, loadOnStartup: true);
            return new CreateWalletResponse();
        });

    public override Task<UnlockWalletResponse> UnlockWallet(UnlockWalletRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (_, wallet) =>
        {
            wallet.Unlock(request.Password, 100_000_000);
            return new UnlockWalletResponse();
        });

    public override Task<CreateNewAddressResponse> CreateNewAddress(CreateNewAddressRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (_, wallet) => new CreateNewAddressResponse { Address = wallet.GetNewAddress(change: false) });

    public override Task<GetBalanceResponse> GetBalance(GetBalanceRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            var coins = wallet.Ledger.Unspent(wallets.InMempool);
            return new GetBalanceResponse
            {
                ConfirmedSats = (ulong)coins.Where(c => c.Confirmations > 0 && !wallet.Ledger.IsImmature(c.Tx)).Sum(c => c.Satoshis),
                PendingSats = (ulong)coins.Where(c => c.Confirmations == 0).Sum(c => c.Satoshis),
                HasSynced = true,
            };
        });

    public override Task<ListUnspentOutputsResponse> ListUnspentOutputs(ListUnspentOutputsRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            var response = new ListUnspentOutputsResponse();
            foreach (var coin in wallet.Ledger.Unspent(wallets.InMempool))
            {
                var output = new ListUnspentOutputsResponse.Types.Output
                {
                    Txid = Reverse(coin.OutPoint.TxId),
                    Vout = coin.OutPoint.Index,
                    ValueSats = (ulong)coin.Satoshis,
                    IsInternal = coin.Origin.Change,
                    IsConfirmed = coin.Confirmations > 0,
                    Address = AddressOf(coin.Output.ScriptPubKey),
                };
                if (coin.Tx.IsConfirmed)
                {
                    output.ConfirmedAtBlock = (uint)coin.Tx.Height;
                    output.ConfirmedAtTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(coin.Tx.BlockTime));
                }
                else
                {
                    output.UnconfirmedLastSeen = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(coin.Tx.TimeReceived));
                }
                response.Outputs.Add(output);
            }
            return response;
        });

    public override Task<ListTransactionsResponse> ListTransactions(ListTransactionsRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (_, wallet) =>
        {
            var response = new ListTransactionsResponse();
            response.Transactions.AddRange(wallet.Ledger.Transactions.Select(t => ToProto(wallet, t)));
            return response;
        });

    public override Task<ListSidechainDepositTransactionsResponse> ListSidechainDepositTransactions(ListSidechainDepositTransactionsRequest request,
        ServerCallContext context) =>
        WithWalletAsync(context, (_, wallet) =>
        {
            var response = new ListSidechainDepositTransactionsResponse();
            foreach (var wtx in wallet.Ledger.Transactions)
            {
                var outputs = wtx.Transaction.Outputs;
                for (var vout = 0; vout + 1 < outputs.Length; vout++)
                    if (!wtx.IsCoinbase && TreasuryScript.TryParse(outputs[vout].ScriptPubKey.Span, out var slot)
                        && DepositAddress.TryParse(outputs[vout + 1].ScriptPubKey.Span, out var depositAddress) && depositAddress.Length >= 0)
                    {
                        response.Transactions.Add(new ListSidechainDepositTransactionsResponse.Types.SidechainDepositTransaction
                        {
                            SidechainNumber = slot,
                            Tx = ToProto(wallet, wtx),
                        });
                        break;
                    }
            }
            return response;
        });

    public override Task<GetInfoResponse> GetInfo(GetInfoRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            var response = new GetInfoResponse
            {
                Network = node.Network.Name,
                TransactionCount = (uint)wallet.Ledger.TransactionCount,
                UnspentOutputCount = (uint)wallet.Ledger.Unspent(wallets.InMempool).Count,
                Tip = new GetInfoResponse.Types.Tip { Height = (uint)Math.Max(0, wallet.Ledger.TipHeight), Hash = Reverse(wallet.Ledger.TipHash) },
                SyncSource = new GetInfoResponse.Types.SyncSource
                {
                    Kind = GetInfoResponse.Types.SyncSource.Types.Kind.Disabled,
                    State = GetInfoResponse.Types.SyncSource.Types.State.Disabled,
                },
            };
            response.Descriptors["receive"] = wallet.Account.GetDescriptor(change: false);
            response.Descriptors["change"] = wallet.Account.GetDescriptor(change: true);
            return response;
        });

    public override Task<FullScanResponse> FullScan(FullScanRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            wallets.FullScan(wallet);
            return new FullScanResponse { TipHash = Reverse(wallet.Ledger.TipHash) };
        });

    public override Task<SendTransactionResponse> SendTransaction(SendTransactionRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            var outputs = new List<TxOut>();
            foreach (var (address, sats) in request.Destinations.OrderBy(d => d.Key, StringComparer.Ordinal))
                outputs.Add(new TxOut(new Money(checked((long)sats)), ParseAddress(address, "destinations")));
            if (request.OpReturnMessage is { } message)
            {
                var data = ParseHex(message.Hex_, "op_return_message");
                outputs.Add(new TxOut(Money.Zero, DepositAddress.Create(data)));
            }
            FeeMode fee = request.FeeRate?.FeeCase switch
            {
                SendTransactionRequest.Types.FeeRate.FeeOneofCase.SatPerVbyte => new FeeMode.Rate(checked((long)request.FeeRate.SatPerVbyte * 1000)),
                SendTransactionRequest.Types.FeeRate.FeeOneofCase.Sats => new FeeMode.Absolute(checked((long)request.FeeRate.Sats)),
                _ => defaultFee.Default(),   // fee estimation hook
            };
            var unspent = wallet.Ledger.Unspent(wallets.InMempool).ToDictionary(c => c.OutPoint);
            var required = new List<WalletCoin>();
            foreach (var utxo in request.RequiredUtxos)
            {
                var outPoint = new OutPoint(ParseTxId(utxo.Txid, "required_utxos.txid"), utxo.Vout);
                required.Add(unspent.TryGetValue(outPoint, out var coin) ? coin : throw Invalid($"required_utxos: {outPoint} is not an unspent wallet output"));
            }
            Script? drain = request.HasDrainWalletTo ? ParseAddress(request.DrainWalletTo, "drain_wallet_to") : null;
            if (outputs.Count == 0 && drain is null) throw Invalid("destinations is empty");
            var (tx, _) = wallets.Send(wallet, (change, lockTime) =>
                new SpendRequest(outputs, fee, change) { RequiredCoins = required, DrainTo = drain, LockTime = lockTime });
            return new SendTransactionResponse { Txid = Reverse(tx.TxId) };
        });

    public override Task<CreateDepositTransactionResponse> CreateDepositTransaction(CreateDepositTransactionRequest request, ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            var slot = Slot(request.SidechainId);
            var address = request.Address ?? throw Invalid("address is required");
            var value = request.ValueSats ?? throw Invalid("value_sats is required");
            var fee = request.FeeSats ?? throw Invalid("fee_sats is required");
            var spend = DrivechainSpends.Deposit(node.Chain.TipDrivechainState, slot, address, checked((long)value), new FeeMode.Absolute(checked((long)fee)));
            return new CreateDepositTransactionResponse { Txid = Reverse(wallets.Send(wallet, spend).Tx.TxId) };
        });

    public override Task<CreateBmmCriticalDataTransactionResponse> CreateBmmCriticalDataTransaction(CreateBmmCriticalDataTransactionRequest request,
        ServerCallContext context) =>
        WithWalletAsync(context, (wallets, wallet) =>
        {
            var slot = Slot(request.SidechainId);
            var value = request.ValueSats ?? throw Invalid("value_sats is required");
            _ = request.Height ?? throw Invalid("height is required");
            var hStar = ParseHex(request.CriticalHash?.Hex, "critical_hash");
            var prev = ParseTxId(request.PrevBytes, "prev_bytes");
            var spend = DrivechainSpends.BmmRequest(slot, hStar, prev, node.Chain.Tip.Hash, checked((long)value));
            return new CreateBmmCriticalDataTransactionResponse { Txid = Reverse(wallets.Send(wallet, spend).Tx.TxId) };
        });

    public override Task<BroadcastWithdrawalBundleResponse> BroadcastWithdrawalBundle(BroadcastWithdrawalBundleRequest request, ServerCallContext context) =>
        RunAsync(context, wallets =>
        {
            var slot = Slot(request.SidechainId);
            var bytes = request.Transaction ?? throw Invalid("transaction is required");
            if (!Rpc.Json.TransactionDecoding.TryDecodeHex(Convert.ToHexStringLower(bytes.Span), out var blinded))
                throw Invalid("transaction is not a transaction in the BIP144 or the legacy framing");
            WithdrawalBundleIntake.Submit(wallets.Policy, node.Chain.TipDrivechainState, slot, blinded);
            return new BroadcastWithdrawalBundleResponse();
        });

    private WalletTransaction ToProto(NodeWallet wallet, WalletTx wtx)
    {
        var ledger = wallet.Ledger;
        var proto = new WalletTransaction
        {
            Txid = Reverse(wtx.TxId),
            RawTransaction = new ConsensusHex { Hex = wtx.Transaction.ToHex() },
            FeeSats = ledger.Sent(wtx) > 0 && ledger.Fee(wtx) is { } fee ? (ulong)fee : 0,
            ReceivedSats = (ulong)ledger.Received(wtx),
            SentSats = (ulong)ledger.Sent(wtx),
        };
        if (wtx.IsConfirmed)
            proto.ConfirmationInfo = new WalletTransaction.Types.Confirmation
            {
                Height = (uint)wtx.Height,
                BlockHash = Reverse(wtx.BlockHash!.Value),
                Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(wtx.BlockTime)),
            };
        return proto;
    }

    private Task<T> WithWalletAsync<T>(ServerCallContext context, Func<WalletManager, NodeWallet, T> body) =>
        RunAsync(context, wallets =>
        {
            var names = wallets.Loaded;
            if (names.Count == 0) throw new RpcException(new Status(StatusCode.FailedPrecondition, "no wallet: create one with CreateWallet"));
            return body(wallets, wallets.Resolve(names.Contains(DefaultWalletName) ? DefaultWalletName : null));
        });

    /// <summary>Node lock, then the wallets' lock (after catching up with the chain); wallet errors become gRPC statuses.</summary>
    private Task<T> RunAsync<T>(ServerCallContext context, Func<WalletManager, T> body)
    {
        if (!node.IsLoaded) throw new RpcException(new Status(StatusCode.Unavailable, "the node is still loading its chain; retry shortly"));
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(wallets.Locked(() => body(wallets)));
        }
        catch (WalletException e)
        {
            throw new RpcException(new Status(e.Code switch
            {
                WalletErrorCode.UnlockNeeded => StatusCode.FailedPrecondition,
                WalletErrorCode.PassphraseIncorrect => StatusCode.InvalidArgument,
                WalletErrorCode.InsufficientFunds => StatusCode.FailedPrecondition,
                WalletErrorCode.NotFound or WalletErrorCode.NotSpecified => StatusCode.FailedPrecondition,
                WalletErrorCode.AlreadyExists or WalletErrorCode.AlreadyLoaded => StatusCode.AlreadyExists,
                -8 => StatusCode.InvalidArgument,
                _ => StatusCode.FailedPrecondition,
            }, e.Code == WalletErrorCode.UnlockNeeded ? "the wallet is locked: call UnlockWallet with its password first" : e.Message));
        }
        catch (OverflowException)
        {
            throw Invalid("an amount is out of range");
        }
    }

    private static byte Slot(uint? sidechainId) => sidechainId switch
    {
        null => throw Invalid("sidechain_id is required"),
        > 255 => throw Invalid($"sidechain_id {sidechainId} is not a slot (0-255)"),
        { } id => (byte)id,
    };

    private Script ParseAddress(string text, string field) =>
        Address.TryParse(text, node.Network, out var address) ? address.ScriptPubKey : throw Invalid($"{field}: '{text}' is not an address of {node.Network.Name}");

    private string? AddressOf(Script script) => Address.TryFromScript(script, node.Network, out var address) ? address.Text : null;

    private static byte[] ParseHex(string? hex, string field)
    {
        if (hex is null) throw Invalid($"{field} is required");
        try { return Convert.FromHexString(hex); }
        catch (FormatException) { throw Invalid($"{field} is not hex"); }
    }

    private static UInt256 ParseTxId(ReverseHex? value, string field)
    {
        var hex = value?.Hex ?? throw Invalid($"{field} is required");
        return UInt256.TryParse(hex, out var hash) ? hash : throw Invalid($"{field} '{hex}' is not a 64-digit hex hash");
    }

    private static ReverseHex Reverse(UInt256 hash) => new() { Hex = hash.ToString() };

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
