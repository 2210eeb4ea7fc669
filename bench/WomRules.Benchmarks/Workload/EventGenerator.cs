using System.Globalization;

namespace WomRules.Benchmarks.Workload;

/// <summary>
/// Generates the events and participants of the evaluate-only campaign from a fixed seed: the same seed gives the same
/// workload in every run and every engine. The mix is realistic: most events earn something, some earn nothing, a
/// share of reviews and posts must disclose and sometimes do not, or bury the disclosure.
/// </summary>
public static class EventGenerator
{
    public const int Seed = 20260301;

    private static readonly string[] Types = ["purchase.completed", "referral.converted", "review.posted", "social.shared", "suggestion.adopted"];
    private static readonly string[] Channels = ["web", "app", "store", "phone"];
    private static readonly string[] Networks = ["instagram", "tiktok", "x", "facebook", "blog"];
    private static readonly string[] Relationships = ["customer", "customer", "customer", "customer", "employee", "influencer", "affiliate"];
    private static readonly string[] Openers =
    [
        "Love this blender, it crushes ice in seconds", "Arrived late and the box was damaged", "Best running shoes I have owned so far",
        "Meh", "The app checkout was quick and painless", "Great value for the price, would buy again",
        "Customer service sorted my refund the same day", "Bought it for my mum, she uses it every morning",
    ];

    private static readonly string[] Disclosures = ["#ad", "#AD!", "#sponsored", "(#gifted)", "paid partnership with Acme", "#adventure", "广告", "#employee", "I work for Acme"];

    public static BenchMember[] Members(int count, int seed = Seed)
    {
        var random = new Random(seed);
        var members = new BenchMember[count];
        for (var i = 0; i < count; i++)
        {
            var lifetime = random.Next(10) switch { < 5 => random.Next(0, 500), < 8 => random.Next(500, 2500), 8 => random.Next(2500, 20000), _ => random.Next(20000, 80000) };
            var referrals = random.Next(10) < 7 ? random.Next(0, 5) : random.Next(5, 40);
            var reviews = random.Next(0, 40);
            var shares = random.Next(0, 150);
            var adopted = random.Next(0, 5);
            members[i] = new BenchMember
            {
                Id = "u-" + i.ToString(CultureInfo.InvariantCulture),
                LifetimePoints = lifetime,
                Points = lifetime / 2,
                Referrals = referrals,
                Reviews = reviews,
                Shares = shares,
                Adopted = adopted,
                Tier = TierOf(lifetime, referrals, reviews, shares),
            };
        }

        return members;
    }

    /// <summary>The tier the campaign's tier conditions give, so stored tiers are consistent with the points.</summary>
    private static int TierOf(long lifetime, long referrals, long reviews, long shares) =>
        lifetime >= 50000 || (referrals >= 25 && shares >= 100) ? 4
        : lifetime >= 10000 && reviews >= 20 ? 3
        : lifetime >= 2000 || referrals >= 10 ? 2
        : lifetime >= 500 ? 1
        : 0;

    public static BenchEvent[] Events(int count, int participants, int seed = Seed)
    {
        var random = new Random(seed);
        var events = new BenchEvent[count];
        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            events[i] = Next(random, i, participants, start.AddSeconds(i * 2));
        }

        return events;
    }

    public static BenchEvent Next(Random random, long index, int participants, DateTime at)
    {
        var type = Types[random.Next(Types.Length)];
        var actor = random.Next(participants);
        var referrer = type == "referral.converted" || random.Next(8) == 0 ? random.Next(participants) : -1;
        if (type == "referral.converted" && random.Next(20) == 0)
        {
            referrer = -1;
        }

        return new BenchEvent
        {
            Id = "e-" + index.ToString(CultureInfo.InvariantCulture),
            Type = type,
            At = at,
            ActorIndex = actor,
            ReferrerIndex = referrer,
            Actor = "u-" + actor.ToString(CultureInfo.InvariantCulture),
            Referrer = referrer < 0 ? "" : "u-" + referrer.ToString(CultureInfo.InvariantCulture),
            OrderTotal = decimal.Round((decimal)(random.NextDouble() * 120), 2),
            Items = random.Next(1, 16),
            Channel = Channels[random.Next(Channels.Length)],
            FirstOrder = random.Next(6) == 0,
            Rating = random.Next(1, 6),
            Text = Text(random),
            Incentivized = random.Next(5) == 0,
            Relationship = Relationships[random.Next(Relationships.Length)],
            Verified = random.Next(3) != 0,
            Network = Networks[random.Next(Networks.Length)],
            Reach = random.Next(10) == 0 ? random.Next(10000, 200000) : random.Next(0, 5000),
            Paid = random.Next(6) == 0,
            Impact = random.Next(0, 8),
        };
    }

    /// <summary>A review or post text: a disclosure up front, buried at the end, a near miss (#adventure), or none.</summary>
    private static string Text(Random random)
    {
        var opener = Openers[random.Next(Openers.Length)];
        var marker = Disclosures[random.Next(Disclosures.Length)];
        return random.Next(4) switch
        {
            0 => marker + " " + opener,
            1 => opener + ". Honestly the best thing I bought this spring, and the delivery was quick too " + marker,
            2 => opener + " " + marker,
            _ => opener,
        };
    }
}
