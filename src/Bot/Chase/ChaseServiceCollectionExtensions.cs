using Hangfire;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Chase.Dashboard;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Chase.Progress;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Chase.Storage;
using ResidentBot.Bot.Chase.Supervisors;
using ResidentBot.Bot.Chase.Waiting;
using ResidentBot.Bot.Conversations;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Chase;

internal static class ChaseServiceCollectionExtensions
{
    /// <summary>
    /// The chase: NextChaseAt kept by a SaveChanges hook, the sweep, digests and scorecards as Hangfire jobs (storage by
    /// database provider: <see cref="HangfireStorage"/>), and the supervisors' actions on escalated cases.
    /// </summary>
    public static IServiceCollection AddChase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChaseOptions>().BindConfiguration(ChaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WaitingOptions>().BindConfiguration(WaitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChaseRules>();
        services.AddSingleton<ChaseScheduleInterceptor>();
        services.ConfigureDbContext<ResidentBotDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<ChaseScheduleInterceptor>()));

        services.AddScoped<CaseChaser>();
        services.AddScoped<CasePause>();
        services.AddScoped<ChaseSweepJob>();
        services.AddScoped<EscalationDigestJob>();
        services.AddScoped<WeeklyScorecardJob>();
        services.AddScoped<SupervisorOperations>();
        services.AddScoped<IButtonHandler, SupervisorActions>();
        services.AddScoped<IFlowHandler, ExtendDeadlineFlow>();
        services.AddScoped<ProgressNote>();
        services.AddScoped<IInputHandler, ProgressReplyHandler>();
        services.AddScoped<IButtonHandler, ProgressButton>();
        services.AddScoped<IFlowHandler, ProgressFlow>();

        // Hangfire's own storage is one per process (JobStorage.Current, whichever host configured it last); this host's
        // client, server, recurring jobs and dashboard take theirs from DI, so two hosts in one process (the tests start
        // many) never enqueue into or run from each other's.
        services.AddSingleton(provider => HangfireStorage.Create(provider.GetRequiredService<DatabaseConnection>()));
        services.AddSingleton<IDatabaseStartupStep, HangfireStorage.SchemaStep>();
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        if (configuration.GetValue(ChaseOptions.Section + ":" + nameof(ChaseOptions.RunServer), true))
        {
            services.AddHangfireServer(server => server.WorkerCount = 2);
        }

        services.AddHostedService<ChaseRecurringJobs>();
        return services.AddChaseDashboard();
    }
}
