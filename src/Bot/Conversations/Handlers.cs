namespace ResidentBot.Bot.Conversations;

/// <summary>Handles one or more slash commands (names without slash, lower case).</summary>
internal interface ICommandHandler
{
    IReadOnlyCollection<string> Commands { get; }

    Task HandleAsync(Turn turn, CancellationToken cancellationToken);
}

/// <summary>Handles verified presses of buttons whose action is one of <see cref="Actions"/>.</summary>
internal interface IButtonHandler
{
    IReadOnlyCollection<string> Actions { get; }

    Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken);
}

/// <summary>Handles free input (text, location, photo) while its flow is the chat's active one.</summary>
internal interface IFlowHandler
{
    string Flow { get; }

    Task HandleAsync(Turn turn, CancellationToken cancellationToken);
}

/// <summary>
/// Gets a say on input no command or flow claimed (a reply to a case card, a main-menu label);
/// returns true when it handled it. Asked in registration order.
/// </summary>
internal interface IInputHandler
{
    Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken);
}
