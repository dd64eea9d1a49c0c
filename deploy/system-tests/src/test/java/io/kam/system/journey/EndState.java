package io.kam.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every GET of the public API after the journey, as path -> body, made comparable between two
 * systems: ids the servers made up are replaced by what they stand for (an account by its external
 * reference, a plan by its account and title; any other id by "&lt;id&gt;"), timestamps and
 * database sequence numbers are left out ("timestamps aside"), and so are the cursors, which are
 * signed per deployment.
 */
final class EndState {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private final Api admin;
  private final Api partner;
  private final Map<String, String> names = new LinkedHashMap<>();

  EndState(Api admin, Api partner) {
    this.admin = admin;
    this.partner = partner;
  }

  Map<String, JsonNode> collect() {
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    List<JsonNode> accounts = all(admin, "/api/v1/accounts?sort=name", raw);
    accounts.forEach(
        a ->
            names.put(
                a.path("id").asText(),
                "account:" + a.path("source").asText() + "/" + a.path("externalId").asText()));
    for (JsonNode a : accounts) {
      String p = "/api/v1/accounts/" + a.path("id").asText();
      for (String sub :
          List.of(
              "",
              "/history",
              "/contacts",
              "/hierarchy",
              "/kpis",
              "/kpis?period=2026-10",
              "/kpis?period=2026-Q3&includeChildren=true",
              "/kpis/timeseries?from=2024-01&to=2026-10&granularity=MONTH",
              "/score",
              "/score/history",
              "/score/diff",
              "/overview")) {
        raw.put(p + sub, body(admin, p + sub));
      }
    }
    List<JsonNode> plans = all(admin, "/api/v1/plans", raw);
    plans.forEach(
        pl ->
            names.put(
                pl.path("id").asText(),
                "plan:"
                    + names.get(pl.path("accountId").asText())
                    + "/"
                    + pl.path("title").asText()));
    for (JsonNode pl : plans) {
      String p = "/api/v1/plans/" + pl.path("id").asText();
      raw.put(p, body(admin, p));
      raw.put(p + "/reviews", body(admin, p + "/reviews"));
    }
    for (String path :
        List.of(
            "/api/v1/portfolio/kpis?period=2026-Q3",
            "/api/v1/portfolio/kpis?period=2026-10",
            "/api/v1/portfolio/kpis?period=2026-Q3&tier=KEY")) {
      raw.put(path, body(admin, path));
    }
    for (String path :
        List.of(
            "/api/v1/scores?sort=-score",
            "/api/v1/actions?ownerId=" + Hero.OWNER,
            "/api/v1/scoring-models")) {
      all(admin, path, raw);
    }
    all(partner, "/api/v1/sync/accounts/changes", raw);
    Map<String, JsonNode> state = new TreeMap<>();
    raw.forEach(
        (path, body) ->
            state.put(
                rename(path),
                path.contains(" page ") ? sortedItems(normalize(body)) : normalize(body)));
    return state;
  }

  /** Every page of a list; the pages are part of the state too. */
  private static List<JsonNode> all(Api api, String path, Map<String, JsonNode> raw) {
    List<JsonNode> pages = api.pages(path);
    List<JsonNode> items = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      raw.put(path + " page " + i, pages.get(i));
      pages.get(i).path("items").forEach(items::add);
    }
    return items;
  }

  /**
   * Lists whose order ends in the server's random ids (plans by id; scores tied on the score) would
   * differ between deployments while holding the same items; they are compared as sets.
   */
  private static JsonNode sortedItems(JsonNode page) {
    if (page.path("items").isArray()) {
      List<JsonNode> items = new ArrayList<>();
      page.path("items").forEach(items::add);
      items.sort(java.util.Comparator.comparing(JsonNode::toString));
      ((ObjectNode) page).putArray("items").addAll(items);
    }
    return page;
  }

  private static JsonNode body(Api api, String path) {
    var r = api.get(path);
    ObjectNode out = Api.JSON.createObjectNode().put("status", r.status());
    out.set("body", r.body() == null || r.body().isEmpty() ? null : r.json());
    return out;
  }

  private String rename(String text) {
    Matcher m = UUID.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(names.getOrDefault(m.group(), "<id>")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private JsonNode normalize(JsonNode node) {
    if (node == null || node.isNull()) {
      return node;
    }
    if (node.isObject()) {
      ObjectNode copy = Api.JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!ignored(f.getKey(), f.getValue())) {
          copy.set(f.getKey(), normalize(f.getValue()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Api.JSON.createArrayNode();
      node.forEach(n -> copy.add(normalize(n)));
      return copy;
    }
    return node.isTextual() ? TextNode.valueOf(rename(node.asText())) : node;
  }

  /**
   * Timestamps, database sequence numbers (a history entry's id, and the ids a score diff names as
   * from/to: accounts are scored concurrently, so their entries interleave differently) and signed
   * cursors differ between deployments.
   */
  private static boolean ignored(String key, JsonNode value) {
    return key.equals("at")
        || (key.endsWith("At") && !key.equals("nextReviewAt"))
        || (List.of("id", "from", "to").contains(key) && value.isNumber())
        || key.equals("nextCursor")
        || key.equals("requestId");
  }
}
