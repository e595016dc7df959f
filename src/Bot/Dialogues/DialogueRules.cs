using Microsoft.Extensions.Options;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Dialogues;

/// <summary>The dialogue rules over the current directory: the question chase built once per directory snapshot.</summary>
internal sealed class DialogueRules(ChaseRules chase, IOptions<DialogueOptions> options)
{
    private volatile DialogueView? current;

    public DialogueOptions Options => options.Value;

    public async Task<DialogueView> GetAsync(CancellationToken cancellationToken)
    {
        var view = await chase.GetAsync(cancellationToken);
        var known = current;
        if (known is null || !ReferenceEquals(known.Engine, view.Engine))
        {
            current = known = new DialogueView(view.Engine,
                new QuestionChase(view.Engine.Calendar, view.Options.ToSettings(), options.Value.AnswerWithin), options.Value);
        }

        return known;
    }
}

internal sealed record DialogueView(RoutingEngine Engine, QuestionChase Questions, DialogueOptions Options)
{
    public TimeZoneInfo Zone => Engine.Calendar.TimeZone;
}
