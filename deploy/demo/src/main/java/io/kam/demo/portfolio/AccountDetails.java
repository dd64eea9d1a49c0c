package io.kam.demo.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An account's CRM attributes, team and stakeholders, drawn to fit its size and revenue pattern.
 */
final class AccountDetails {

  private AccountDetails() {}

  static DemoAccount of(Draft d, Rng rng) {
    String stage = stage(d, rng);
    return new DemoAccount(
        Catalog.ACCOUNT_SOURCE,
        d.externalId,
        d.name,
        d.parent == null ? null : d.parent.externalId,
        d.industry,
        d.country,
        Catalog.COUNTRY_REGION.get(d.country),
        "https://www."
            + d.root.slug
            + ".example"
            + (d.kind == Draft.Kind.SUBSIDIARY ? "/" + d.country.toLowerCase(Locale.ROOT) : ""),
        employees(d, rng),
        switch (d.pattern) {
          case PROSPECT -> "PROSPECT";
          case CHURNED -> "FORMER_CUSTOMER";
          default -> "CUSTOMER";
        },
        d.ownerId,
        team(d, rng),
        stage,
        rng.chance(0.88) ? assessment(d, stage, rng) : null,
        rng.chance(0.85) ? wallet(d, rng) : null,
        contacts(d, rng),
        d.pattern);
  }

  /**
   * How the customer feels about us, about -1..1; drives fit, satisfaction and relationship
   * strength.
   */
  static double mood(RevenuePattern pattern) {
    return switch (pattern) {
      case GROWING -> 0.5;
      case STEADY, NEW -> 0.2;
      case PROSPECT -> 0.0;
      case DECLINING -> -0.4;
      case CHURNED -> -0.6;
    };
  }

  private static String stage(Draft d, Rng rng) {
    int i;
    double p = d.percentile;
    if (p < 0.08) {
      i = rng.chance(0.7) ? 3 : 2;
    } else if (p < 0.3) {
      i = rng.chance(0.5) ? 2 : 1;
    } else if (p < 0.7) {
      i = rng.chance(0.6) ? 1 : 0;
    } else {
      i = rng.chance(0.8) ? 0 : 1;
    }
    if (d.pattern == RevenuePattern.PROSPECT) {
      i = 0;
    } else if (d.pattern == RevenuePattern.CHURNED || d.pattern == RevenuePattern.NEW) {
      i = Math.max(0, Math.min(i, 2) - 1);
    }
    return Catalog.STAGES.get(i);
  }

  private static int employees(Draft d, Rng rng) {
    if (d.kind == Draft.Kind.GROUP) {
      return Rng.clamp(
          Math.round(250_000 * StrictMath.pow(1 - d.percentile, 3) + rng.between(1_500, 8_000)),
          10,
          300_000);
    }
    double log = rng.uniform(StrictMath.log(40), StrictMath.log(40_000));
    return Rng.clamp(Math.round(StrictMath.exp(log) * (1.5 - d.percentile)), 10, 300_000);
  }

  private static List<DemoAccount.TeamMember> team(Draft d, Rng rng) {
    double p = d.percentile;
    List<String> roles;
    if (d.pattern == RevenuePattern.PROSPECT) {
      roles = rng.chance(0.5) ? List.of("SOLUTION_ENGINEER") : List.of();
    } else if (p < 0.2) {
      roles = Catalog.TEAM_ROLES;
    } else if (p < 0.5) {
      roles = List.of(rng.chance(0.5) ? "EXECUTIVE_SPONSOR" : "SUPPORT_LEAD", "SOLUTION_ENGINEER");
    } else if (p < 0.8) {
      roles = List.of(rng.chance(0.5) ? "SOLUTION_ENGINEER" : "SUPPORT_LEAD");
    } else {
      roles = rng.chance(0.5) ? List.of("SUPPORT_LEAD") : List.of();
    }
    return roles.stream()
        .map(r -> new DemoAccount.TeamMember(rng.pick(Catalog.TEAM_POOL.get(r)), r))
        .toList();
  }

  private static DemoAccount.Assessment assessment(Draft d, String stage, Rng rng) {
    double p = d.percentile;
    double mood = mood(d.pattern);
    return new DemoAccount.Assessment(
        scale5(4.6 - 3.0 * p + 0.7 * rng.gaussian()),
        scale5(4.2 - 2.5 * p + 0.9 * rng.gaussian()),
        scale5(3.4 + 1.2 * mood + 0.8 * rng.gaussian()),
        scale5(1.3 + Catalog.STAGES.indexOf(stage) + 0.6 * rng.gaussian()));
  }

  private static BigDecimal wallet(Draft d, Rng rng) {
    double w =
        d.pattern == RevenuePattern.PROSPECT
            ? StrictMath.exp(rng.uniform(StrictMath.log(50_000), StrictMath.log(2_000_000)))
            : Math.max(d.annualRevenue, 20_000) * rng.uniform(1.3, 4.0);
    return BigDecimal.valueOf(Math.max(1, Math.round(w / 10_000)) * 10_000L);
  }

  private static List<DemoContact> contacts(Draft d, Rng rng) {
    int count =
        (d.pattern == RevenuePattern.PROSPECT ? rng.between(1, 3) : rng.between(2, 4))
            + (d.percentile < 0.2 && d.pattern != RevenuePattern.PROSPECT ? rng.between(1, 3) : 0);
    double mood = mood(d.pattern);
    List<DemoContact> contacts = new ArrayList<>(count);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String role =
          i == 0
              ? "DECISION_MAKER"
              : Catalog.BUYING_ROLES.get(rng.weighted(0.5, 3, 2, 3, 1.5, 0.7));
      String first = rng.pick(Catalog.FIRST_NAMES);
      String last = rng.pick(Catalog.LAST_NAMES);
      String name = first + " " + last;
      for (int k = 2; !names.add(name); k++) {
        name = first + " " + last + " " + k;
      }
      String local = name.toLowerCase(Locale.ROOT).replace(' ', '.').replaceAll("[^a-z0-9.]", "");
      int influence =
          switch (role) {
            case "DECISION_MAKER" -> rng.between(4, 5);
            case "INFLUENCER", "BLOCKER" -> rng.between(3, 5);
            case "CHAMPION" -> rng.between(2, 4);
            case "GATEKEEPER" -> rng.between(2, 3);
            default -> rng.between(1, 3);
          };
      int strength =
          "BLOCKER".equals(role)
              ? rng.between(1, 2)
              : scale5(3.0 + 1.5 * mood + ("CHAMPION".equals(role) ? 1 : 0) + 0.8 * rng.gaussian());
      String reportsTo = i == 0 ? null : (rng.chance(0.6) ? "C1" : "C" + rng.between(1, i));
      contacts.add(
          new DemoContact(
              "C" + (i + 1),
              name,
              rng.pick(Catalog.TITLES.get(role)),
              local + "@" + d.slug + ".example",
              "+"
                  + Catalog.callingCode(d.country)
                  + " 555 "
                  + String.format(Locale.ROOT, "%04d", rng.between(0, 9999)),
              role,
              influence,
              strength,
              reportsTo));
    }
    return List.copyOf(contacts);
  }

  private static int scale5(double x) {
    return Rng.clamp(Math.round(x), 1, 5);
  }
}
