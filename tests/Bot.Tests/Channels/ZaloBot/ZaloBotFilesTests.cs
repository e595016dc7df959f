using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

public sealed class ZaloBotFilesTests : IAsyncLifetime
{
    private FakeZaloBotApi _api = null!;
    private ZaloBotHost _host = null!;

    private IChannelFiles Files => _host.Services.GetServices<IChannelFiles>().Single(f => f.Channel == ChannelNames.ZaloBot);

    public async Task InitializeAsync()
    {
        _api = await FakeZaloBotApi.StartAsync();
        _host = await ZaloBotHost.StartAsync(_api);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_residents_photo_is_downloaded_from_its_url()
    {
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var url = _api.AddPhoto("o-ga", bytes);
        using var destination = new MemoryStream();

        var size = await Files.DownloadAsync(new InboundFile(url, null), destination, 10_000, default);

        Assert.Equal(5000L, size);
        Assert.Equal(bytes, destination.ToArray());
    }

    [Fact]
    public async Task A_photo_over_the_limit_is_refused_and_nothing_is_written()
    {
        var url = _api.AddPhoto("qua-lon", new byte[5000]);
        using var destination = new MemoryStream();

        await Assert.ThrowsAsync<InvalidDataException>(() => Files.DownloadAsync(new InboundFile(url, null), destination, 4999, default));

        Assert.Equal(0, destination.Length);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("AgACAgIAAx-telegram-file-id")]
    public async Task Only_a_web_url_is_fetched(string fileRef)
    {
        using var destination = new MemoryStream();

        await Assert.ThrowsAsync<InvalidDataException>(() => Files.DownloadAsync(new InboundFile(fileRef, null), destination, 10_000, default));
    }
}
