using ResidentBot.Routing.Identities;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Routing.Tests.Identities;

public sealed class ReachabilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static ResidentIdentity On(int id, string channel, DateTimeOffset? last = null, DateTimeOffset? lost = null) =>
        new() { Id = id, Channel = channel, ExternalId = $"{channel}-{id}", LastInteractionAt = last, UnreachableSince = lost };

    private static bool All(string channel) => true;

    [Fact]
    public void A_message_goes_to_the_reachable_identity_used_last()
    {
        var chosen = Reachability.Choose([On(1, "telegram", T0), On(2, "webchat", T0.AddHours(1)), On(3, "zalo", T0.AddHours(2), lost: T0.AddHours(3))], All);

        Assert.Equal((2, true), (chosen!.Value.Identity.Id, chosen.Value.Reachable));
    }

    [Fact]
    public void An_identity_never_used_is_tried_and_the_oldest_wins_a_tie()
    {
        var chosen = Reachability.Choose([On(5, "zalo"), On(4, "telegram")], All);

        Assert.Equal((4, true), (chosen!.Value.Identity.Id, chosen.Value.Reachable));
    }

    [Fact]
    public void When_none_reaches_the_person_the_message_waits_on_the_identity_used_last()
    {
        var chosen = Reachability.Choose([On(1, "telegram", T0, lost: T0.AddHours(5)), On(2, "zalo", T0.AddHours(1), lost: T0.AddHours(2))], All);

        Assert.Equal((2, false), (chosen!.Value.Identity.Id, chosen.Value.Reachable));
        Assert.Equal(T0.AddHours(5), Reachability.UnreachableSince([On(1, "telegram", T0, lost: T0.AddHours(5)), On(2, "zalo", lost: T0.AddHours(2))], All));
    }

    [Fact]
    public void Identities_on_channels_that_are_off_do_not_count()
    {
        var identities = new[] { On(1, "zalo", T0.AddHours(1)), On(2, "telegram", T0, lost: T0) };

        Assert.Equal(2, Reachability.Choose(identities, c => c == "telegram")!.Value.Identity.Id);
        Assert.Null(Reachability.Choose(identities, c => c == "webchat"));
        Assert.Equal(T0, Reachability.UnreachableSince(identities, c => c == "telegram"));
        Assert.Equal(DateTimeOffset.MinValue, Reachability.UnreachableSince(identities, c => c == "webchat"));
        Assert.Null(Reachability.UnreachableSince(identities, All));
    }

    [Fact]
    public void An_interaction_makes_an_identity_reachable_again_and_a_refusal_keeps_its_first_instant()
    {
        var identity = On(1, "telegram", T0);
        Reachability.Lost(identity, T0.AddHours(1), "Forbidden: bot was blocked by the user");
        Reachability.Lost(identity, T0.AddHours(2), new string('x', 400));

        Assert.Equal((T0.AddHours(1), Reachability.MaxReasonLength), (identity.UnreachableSince, identity.UnreachableReason!.Length));

        Reachability.Interacted(identity, T0.AddHours(3));
        Assert.Equal((T0.AddHours(3), (DateTimeOffset?)null, (string?)null), (identity.LastInteractionAt, identity.UnreachableSince, identity.UnreachableReason));
        Assert.True(Reachability.IsReachable(identity));
    }

    [Fact]
    public void A_recent_interaction_on_the_identity_used_last_is_not_rewritten_but_the_choice_follows_every_switch()
    {
        var telegram = On(1, "telegram", T0);
        var zalo = On(2, "zalo", T0.AddSeconds(-30));
        ResidentIdentity[] both = [telegram, zalo];

        Reachability.Interacted(telegram, T0.AddSeconds(20), both);
        Assert.Equal(T0, telegram.LastInteractionAt);

        Reachability.Interacted(zalo, T0.AddSeconds(30), both);
        Assert.Equal(T0.AddSeconds(30), zalo.LastInteractionAt);
        Assert.Equal(2, Reachability.Choose(both, All)!.Value.Identity.Id);

        // Back on Telegram within the minute: it is no longer the one used last, so its time moves and it is chosen again.
        Reachability.Interacted(telegram, T0.AddSeconds(40), both);
        Assert.Equal((T0.AddSeconds(40), 1), (telegram.LastInteractionAt, Reachability.Choose(both, All)!.Value.Identity.Id));

        Reachability.Interacted(telegram, T0.AddSeconds(40) + Reachability.InteractionResolution, both);
        Assert.Equal(T0.AddSeconds(40) + Reachability.InteractionResolution, telegram.LastInteractionAt);
    }
}
