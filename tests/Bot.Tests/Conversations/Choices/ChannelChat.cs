using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Conversations.Choices;

/// <summary>
/// One person on a <see cref="RecordingChannel"/>: hands each message to the real inbox, waits until it is handled and
/// every reply delivered, and returns what the bot sent to this person in that turn.
/// </summary>
internal sealed partial class ChannelChat(BotTestHost host, RecordingChannel channel, string userId, string displayName = "Lan")
{
    private static int updates;

    public string UserId { get; } = userId;

    public Task<IReadOnlyList<SentMessage>> TextAsync(string text) => SendAsync(New(InboundKind.Text) with { Text = text });

    public Task<IReadOnlyList<SentMessage>> CommandAsync(string command, string args = "") =>
        SendAsync(New(InboundKind.Command) with { Text = $"/{command} {args}".Trim(), Command = command, CommandArgs = args });

    public Task<IReadOnlyList<SentMessage>> PhotoAsync(string fileRef) =>
        SendAsync(New(InboundKind.Photo) with { Photos = [new InboundFile(fileRef, 50_000)] });

    /// <summary>
    /// Presses a button of a message this person was sent (for channels that have buttons); without
    /// <paramref name="saysWhichMessage"/>, as a channel whose taps do not name the tapped message.
    /// </summary>
    public Task<IReadOnlyList<SentMessage>> PressAsync(SentMessage shown, string label, bool saysWhichMessage = true)
    {
        var button = shown.Message.Buttons.SelectMany(r => r).First(b => b.Label.Contains(label, StringComparison.Ordinal));
        return SendAsync(New(InboundKind.ButtonPress) with
        {
            CallbackId = $"cb-{Interlocked.Increment(ref updates)}", CallbackData = button.Data, MessageId = saysWhichMessage ? shown.MessageId : null,
        });
    }

    /// <summary>The number a numbered list shows before <paramref name="label"/> ("3. 💬 Trả lời" → "3").</summary>
    public static string NumberOf(SentMessage message, string label)
    {
        foreach (var line in message.Message.Text.Split('\n'))
        {
            if (NumberedLine().Match(line) is { Success: true } m && m.Groups[2].Value.Contains(label, StringComparison.Ordinal))
            {
                return m.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"No numbered choice '{label}' in: {message.Message.Text}");
    }

    public static string Text(IEnumerable<SentMessage> messages) => string.Join("\n---\n", messages.Select(m => m.Message.Text));

    public async Task<IReadOnlyList<SentMessage>> SendAsync(InboundMessage message)
    {
        var before = channel.Sent.Count;
        await host.Services.GetRequiredService<IInboundSink>().AcceptAsync(message, "{}", CancellationToken.None);
        await host.WaitForTurnAsync(message.UpdateId, channel.Channel, TimeSpan.FromSeconds(15));
        return [.. channel.Sent.Skip(before)];
    }

    /// <summary>What this person was sent in <paramref name="turn"/>.</summary>
    public IReadOnlyList<SentMessage> Mine(IEnumerable<SentMessage> turn) => [.. turn.Where(m => m.Recipient == UserId)];

    private InboundMessage New(InboundKind kind) => new()
    {
        Channel = channel.Channel,
        UpdateId = Interlocked.Increment(ref updates).ToString(CultureInfo.InvariantCulture),
        ChatId = UserId,
        UserId = UserId,
        UserDisplayName = displayName,
        LanguageCode = "vi",
        Kind = kind,
    };

    [GeneratedRegex(@"^(\d+)\. (.+)$")]
    private static partial Regex NumberedLine();
}
