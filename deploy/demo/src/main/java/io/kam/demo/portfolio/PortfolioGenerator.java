package io.kam.demo.portfolio;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deterministic B2B portfolio from a seed: groups with subsidiaries (about 5 % of the accounts
 * are groups, 15 % their subsidiaries, some two levels deep), stand-alone accounts, Zipf-sized
 * revenue (the top 20 % of accounts bring about three quarters of it) with growth, decline, churn
 * and late starters, credit notes, CSAT and NPS responses. Pure: no clock, no I/O; the same seed,
 * size and last month give an equal {@link Portfolio}.
 */
public final class PortfolioGenerator {

  /** Months of revenue history, ending with {@code lastMonth}. */
  public static final int MONTHS = 36;

  static final double TOP_ANNUAL_REVENUE = 6_000_000;
  static final double MIN_ANNUAL_REVENUE = 3_000;

  /** Share of the revenue the top 20 % of accounts bring, before noise, growth and churn. */
  static final double TOP_FIFTH_SHARE = 0.74;

  private static final List<String> COUNTRIES = List.copyOf(Catalog.COUNTRY_REGION.keySet());
  private static final double[] COUNTRY_WEIGHTS = {
    5, 3, 4, 2, 2, 2, 1, 2, 1, 1, 1, 1, 6, 2, 1, 1, 2, 2, 1, 2, 1, 1
  };

  private final long seed;
  private final int size;
  private final YearMonth lastMonth;

  public PortfolioGenerator(long seed, int size, YearMonth lastMonth) {
    if (size < 1) {
      throw new IllegalArgumentException("a portfolio has at least one account, got " + size);
    }
    this.seed = seed;
    this.size = size;
    this.lastMonth = lastMonth;
  }

  /** The last complete calendar month before {@code now} (UTC): where the revenue history ends. */
  public static YearMonth lastCompleteMonth(Instant now) {
    return YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
  }

  public Portfolio generate() {
    List<Draft> drafts = structure();
    assignPatterns(drafts);
    assignSizes(drafts);
    assignOwners(drafts);
    YearMonth firstMonth = lastMonth.minusMonths(MONTHS - 1L);
    List<DemoAccount> accounts = new ArrayList<>(drafts.size());
    List<RevenueLine> lines = new ArrayList<>();
    List<SurveyResponse> responses = new ArrayList<>();
    for (Draft d : drafts) {
      accounts.add(AccountDetails.of(d, new Rng(seed, 1_000_000L + d.position)));
      RevenueGenerator.Activity activity =
          RevenueGenerator.generate(d, firstMonth, new Rng(seed, 2_000_000L + d.position), lines);
      SurveyGenerator.generate(
          d, firstMonth, activity, new Rng(seed, 3_000_000L + d.position), responses);
    }
    return new Portfolio(
        seed,
        firstMonth,
        lastMonth,
        List.copyOf(accounts),
        List.copyOf(lines),
        List.copyOf(responses));
  }

  /**
   * Groups, each followed by its subsidiaries (parents always before children), then stand-alones.
   */
  private List<Draft> structure() {
    Rng rng = new Rng(seed, 0);
    int groups = size >= 20 ? (int) Math.round(size * 0.05) : (size >= 4 ? 1 : 0);
    int subsidiaries =
        groups == 0 ? 0 : Math.min(size - groups, Math.max(groups, (int) Math.round(size * 0.15)));
    int standalones = size - groups - subsidiaries;
    List<String> names = baseNames(rng, groups + standalones);
    int[] perGroup = new int[groups];
    for (int i = 0; i < subsidiaries; i++) {
      perGroup[i < groups ? i : groupFor(rng, groups)]++;
    }
    List<Draft> drafts = new ArrayList<>(size);
    for (int g = 0; g < groups; g++) {
      String base = names.get(g);
      String country = country(rng);
      Draft root =
          new Draft(
              drafts.size(),
              Draft.Kind.GROUP,
              String.format(Locale.ROOT, "GRP-%04d", g + 1),
              null,
              base,
              base + " " + rng.pick(List.of("Group", "Holding", "International")),
              slug(base),
              country,
              rng.pick(Catalog.INDUSTRIES));
      drafts.add(root);
      List<Draft> direct = new ArrayList<>();
      Set<String> used = new HashSet<>();
      for (int j = 0; j < perGroup[g]; j++) {
        Draft parent = !direct.isEmpty() && rng.chance(0.25) ? rng.pick(direct) : root;
        String sub = rng.chance(0.75) ? country(rng) : country;
        String name = base + " " + countryName(sub);
        if (parent != root || !used.add(name)) {
          name = name + " " + rng.pick(Catalog.UNIT_NAMES);
          for (int k = 2; !used.add(name); k++) {
            name = base + " " + countryName(sub) + " " + k;
          }
        }
        Draft d =
            new Draft(
                drafts.size(),
                Draft.Kind.SUBSIDIARY,
                String.format(Locale.ROOT, "%s-%02d", root.externalId, j + 1),
                parent,
                base,
                name,
                root.slug + "-" + sub.toLowerCase(Locale.ROOT),
                sub,
                root.industry);
        drafts.add(d);
        if (parent == root) {
          direct.add(d);
        }
      }
    }
    for (int k = 0; k < standalones; k++) {
      String base = names.get(groups + k);
      String country = country(rng);
      drafts.add(
          new Draft(
              drafts.size(),
              Draft.Kind.STANDALONE,
              String.format(Locale.ROOT, "ACC-%05d", k + 1),
              null,
              base,
              base + " " + Catalog.legalSuffix(country),
              slug(base),
              country,
              rng.pick(Catalog.INDUSTRIES)));
    }
    return drafts;
  }

  private void assignPatterns(List<Draft> drafts) {
    Rng rng = new Rng(seed, 1);
    RevenuePattern[] all = RevenuePattern.values();
    for (Draft d : drafts) {
      double[] w =
          switch (d.kind) {
            // STEADY, GROWING, DECLINING, CHURNED, NEW, PROSPECT
            case GROUP -> new double[] {0.55, 0.30, 0.15, 0, 0, 0};
            case SUBSIDIARY -> new double[] {0.50, 0.20, 0.12, 0.08, 0.10, 0};
            case STANDALONE -> new double[] {0.44, 0.18, 0.12, 0.09, 0.10, 0.07};
          };
      d.pattern = all[rng.weighted(w)];
    }
    if (drafts.size() >= 10) {
      for (RevenuePattern needed :
          List.of(RevenuePattern.CHURNED, RevenuePattern.NEW, RevenuePattern.PROSPECT)) {
        if (drafts.stream().noneMatch(d -> d.pattern == needed)) {
          drafts.stream()
              .filter(d -> d.kind == Draft.Kind.STANDALONE && d.pattern == RevenuePattern.STEADY)
              .reduce((a, b) -> b)
              .ifPresent(d -> d.pattern = needed);
        }
      }
    }
  }

  /** Zipf by rank among the buying accounts, groups favoured towards the top, with some noise. */
  private void assignSizes(List<Draft> drafts) {
    Rng rng = new Rng(seed, 2);
    List<double[]> keys = new ArrayList<>();
    for (Draft d : drafts) {
      double u = rng.unit();
      double key =
          switch (d.kind) {
            case GROUP -> StrictMath.pow(u, 0.25);
            case SUBSIDIARY -> StrictMath.pow(u, 1.5);
            case STANDALONE -> u;
          };
      keys.add(new double[] {key, d.position});
      if (d.pattern == RevenuePattern.PROSPECT) {
        d.percentile = 0.5 + 0.5 * rng.unit();
      }
    }
    List<double[]> buying =
        keys.stream()
            .filter(k -> drafts.get((int) k[1]).pattern != RevenuePattern.PROSPECT)
            .sorted(Comparator.<double[]>comparingDouble(k -> -k[0]).thenComparingDouble(k -> k[1]))
            .toList();
    double exponent = zipfExponent(buying.size(), TOP_FIFTH_SHARE);
    for (int rank = 1; rank <= buying.size(); rank++) {
      Draft d = drafts.get((int) buying.get(rank - 1)[1]);
      double noise = StrictMath.exp(0.25 * rng.gaussian());
      d.annualRevenue =
          Math.max(MIN_ANNUAL_REVENUE, TOP_ANNUAL_REVENUE / StrictMath.pow(rank, exponent) * noise);
      d.percentile = (rank - 1) / (double) buying.size();
    }
  }

  /**
   * The exponent s for which sizes 1/rank^s give the top fifth of {@code n} accounts the share
   * {@code target} (about 1 for 200 accounts, a little less for more), so the concentration does
   * not drift with the portfolio's size.
   */
  static double zipfExponent(int n, double target) {
    if (n < 5) {
      return 1;
    }
    int top = (int) Math.ceil(0.2 * n);
    double lo = 0.1;
    double hi = 3;
    for (int i = 0; i < 40; i++) {
      double mid = (lo + hi) / 2;
      double topSum = 0;
      double all = 0;
      for (int k = 1; k <= n; k++) {
        double v = 1 / StrictMath.pow(k, mid);
        all += v;
        if (k <= top) {
          topSum += v;
        }
      }
      if (topSum / all < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private void assignOwners(List<Draft> drafts) {
    Rng rng = new Rng(seed, 3);
    double[] weights = new double[Catalog.OWNERS.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Catalog.OWNER_WEIGHTS[i];
    }
    for (Draft d : drafts) {
      boolean inherit = d.kind == Draft.Kind.SUBSIDIARY && rng.chance(0.8);
      String drawn = Catalog.OWNERS.get(rng.weighted(weights));
      d.ownerId = inherit ? d.root.ownerId : drawn;
    }
  }

  private static int groupFor(Rng rng, int groups) {
    double[] w = new double[groups];
    for (int g = 0; g < groups; g++) {
      w[g] = 1.0 / (1 + g % 7);
    }
    return rng.weighted(w);
  }

  private static String country(Rng rng) {
    return COUNTRIES.get(rng.weighted(COUNTRY_WEIGHTS));
  }

  static String countryName(String code) {
    return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
  }

  /** Distinct brand names ("Nordwind", "Bluepeak", ...); past 500 they repeat with a number. */
  private static List<String> baseNames(Rng rng, int count) {
    List<String> combos = new ArrayList<>();
    for (String p : Catalog.NAME_PREFIXES) {
      for (String r : Catalog.NAME_ROOTS) {
        combos.add(p + r);
      }
    }
    for (int i = combos.size() - 1; i > 0; i--) {
      int j = rng.between(0, i);
      String t = combos.get(i);
      combos.set(i, combos.get(j));
      combos.set(j, t);
    }
    List<String> names = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int round = k / combos.size();
      names.add(combos.get(k % combos.size()) + (round == 0 ? "" : " " + (round + 1)));
    }
    return names;
  }

  private static String slug(String base) {
    return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
