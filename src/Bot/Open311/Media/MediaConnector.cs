using System.Net;
using System.Net.Sockets;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>
/// The media client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself, refuses it when any
/// of its addresses is refused (<see cref="MediaGuard"/>), and connects to the very addresses it checked — so a name
/// that answers a public address to the check and a private one to the connection (DNS rebinding) cannot slip through.
/// Every connection goes through here, each redirect's included; TLS is then set up on it for the link's host name.
/// </summary>
internal sealed class MediaConnector(IMediaHostResolver resolver, MediaGuard guard)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (var address in addresses)
        {
            if (guard.Check(host, address) is { } refusal)
            {
                throw new MediaRefusedException(refusal);
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}

/// <summary>A guard refused the link or an address of its host: final, the fetch is not tried again.</summary>
internal sealed class MediaRefusedException(string message) : Exception(message);
