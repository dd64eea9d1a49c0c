package io.kam.kpi.domain.kpi;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Signed changes to the monthly survey counts of a batch, sorted like {@link RevenueDeltas}. */
public final class SurveyDeltas {

  public record Key(UUID accountId, YearMonth month) {}

  /** csatTotal, csatGood, npsTotal, npsPromoters, npsDetractors; each may be negative. */
  public record Counts(
      int csatTotal, int csatGood, int npsTotal, int npsPromoters, int npsDetractors) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    /** One response, counted with {@code sign} +1 (added) or -1 (taken back). */
    public static Counts of(String kind, int score, int sign) {
      if ("CSAT".equals(kind)) {
        return new Counts(sign, score >= 4 ? sign : 0, 0, 0, 0);
      }
      return new Counts(0, 0, sign, score >= 9 ? sign : 0, score <= 6 ? sign : 0);
    }

    Counts plus(Counts o) {
      return new Counts(
          csatTotal + o.csatTotal,
          csatGood + o.csatGood,
          npsTotal + o.npsTotal,
          npsPromoters + o.npsPromoters,
          npsDetractors + o.npsDetractors);
    }
  }

  private final Map<Key, Counts> deltas =
      new TreeMap<>(Comparator.comparing(Key::accountId).thenComparing(Key::month));

  public void add(UUID accountId, YearMonth month, Counts counts) {
    deltas.merge(new Key(accountId, month), counts, Counts::plus);
  }

  public Map<Key, Counts> nonZero() {
    Map<Key, Counts> result =
        new TreeMap<>(Comparator.comparing(Key::accountId).thenComparing(Key::month));
    deltas.forEach(
        (k, v) -> {
          if (!v.equals(Counts.ZERO)) {
            result.put(k, v);
          }
        });
    return result;
  }
}
