using ResidentBot.Routing.Categories;

namespace ResidentBot.Routing.Chase;

/// <summary>What the chase needs of one category: the category, its clock and its policy.</summary>
public sealed record CategoryChase(Category Category, ChaseClock Clock, ChasePolicy Policy);
