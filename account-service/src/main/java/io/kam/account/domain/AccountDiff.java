package io.kam.account.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Field-by-field comparison of account data; the assessment counts per criterion. */
public final class AccountDiff {

  /** A changed field: value before and after (null when unset). */
  public record Delta(Object from, Object to) {}

  private AccountDiff() {}

  /** The fields whose values differ, in a fixed order; {@code before} null means "nothing yet". */
  public static Map<String, Delta> between(AccountData before, AccountData after) {
    Map<String, Object> a = before == null ? Map.of() : flatten(before);
    Map<String, Object> b = flatten(after);
    Map<String, Delta> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : b.entrySet()) {
      Object from = a.get(e.getKey());
      Object to = e.getValue();
      if (!Objects.equals(from, to) && !(before == null && isEmpty(to))) {
        out.put(e.getKey(), new Delta(from, to));
      }
    }
    return out;
  }

  public static List<String> topLevel(Iterable<String> fields) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String f : fields) {
      int dot = f.indexOf('.');
      names.add(dot < 0 ? f : f.substring(0, dot));
    }
    return new ArrayList<>(names);
  }

  private static boolean isEmpty(Object v) {
    return v == null || (v instanceof List<?> l && l.isEmpty());
  }

  static Map<String, Object> flatten(AccountData d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", d.source());
    m.put("externalId", d.externalId());
    m.put("name", d.name());
    m.put("industry", d.industry());
    m.put("country", d.country());
    m.put("region", d.region());
    m.put("website", d.website());
    m.put("employees", d.employees());
    m.put("lifecycle", d.lifecycle());
    m.put("ownerId", d.ownerId());
    m.put("team", d.team());
    m.put("relationshipStage", d.relationshipStage());
    m.put("assessment.strategicAlignment", d.assessment().strategicAlignment());
    m.put("assessment.marketInfluence", d.assessment().marketInfluence());
    m.put("assessment.fit", d.assessment().fit());
    m.put("assessment.partnership", d.assessment().partnership());
    m.put("assessedAt", d.assessedAt());
    m.put("potentialAnnualSpend", d.potentialAnnualSpend());
    m.put("parentId", d.parentId());
    return m;
  }
}
