using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramPhotoDownloaderTests
{
    [Fact]
    public async Task Photo_within_the_limit_is_downloaded_and_a_larger_one_is_refused()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.AddFile("small", new byte[500]);
        api.AddFile("big", new byte[2000]);
        var downloader = new TelegramPhotoDownloader(api.CreateClient(), Options.Create(new TelegramOptions { MaxPhotoBytes = 1000 }));
        using var target = new MemoryStream();

        Assert.Equal(500, await downloader.DownloadAsync("small", target, CancellationToken.None));
        Assert.Equal(500, target.Length);
        await Assert.ThrowsAsync<InvalidDataException>(() => downloader.DownloadAsync("big", Stream.Null, CancellationToken.None));
    }
}
