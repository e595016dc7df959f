using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase.Waiting;

/// <summary>
/// Ends a case's wait for the resident: the resolve deadline gets back the time that was left on it
/// (<see cref="PausedClock"/>), the official hears the new deadline and the card shows it. Only queues messages; the
/// caller saves.
/// </summary>
internal sealed class CasePause(ChaseRules rules, OfficialNotifier officials, CaseCards cards)
{
    public async Task<WaitingPolicy> PolicyAsync(Case @case, CancellationToken cancellationToken) =>
        (await rules.GetAsync(cancellationToken)).Policy(@case).Waiting;

    /// <summary>Resumes a waiting case; returns its new resolve deadline. <paramref name="tellOfficial"/> when the resident answered.</summary>
    public async Task<DateTimeOffset?> ResumeAsync(Case @case, Actor actor, DateTimeOffset now, bool tellOfficial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var view = await rules.GetAsync(cancellationToken);
        var waited = @case.PausedUntil(now) - @case.PausedFor;
        @case.Resume(actor, PausedClock.ResumedDeadline(@case, view.Clock(@case), now), now);
        if (tellOfficial && @case.AccountableOfficialId is { } official)
        {
            var zone = view.Engine.Calendar.TimeZone;
            await officials.SendAsync(official, null, chat => new Channels.OutboundMessage
            {
                Text = chat.T("Official.Waiting.Answered", @case.TrackingCode, TimeText.Local(@case.ResolveDueAt, zone), TimeText.Duration(chat.Language, waited)),
                Tag = CaseTag.For(@case.Id),
            }, cancellationToken);
        }

        await cards.RefreshAsync(@case, cancellationToken);
        return @case.ResolveDueAt;
    }
}
