package io.kam.system.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.demo.load.Gateway;
import io.kam.demo.load.Payloads;
import io.kam.demo.portfolio.Portfolio;
import io.kam.demo.portfolio.PortfolioGenerator;
import io.kam.system.SystemUnderTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole KAM journey through the gateway, step by step, each step checked by hand-computed
 * numbers (see {@link Hero}): a partner syncs a seeded portfolio and the hero account, revenue and
 * surveys arrive, KPIs and scores follow, the hero becomes KEY and gets a DRAFT plan, its KAM
 * activates it with an objective bound to revenue growth, new revenue moves the objective, a
 * revenue drop and bad NPS raise the risk to HIGH and put the plan UNDER_REVIEW, its KAM's review
 * is recorded and a kam-manager's review returns it to ACTIVE, the month turns. Between steps the
 * journey waits until the system has settled ({@link Quiescence}); a {@link Disruption} may kill a
 * service or stop Kafka around any step.
 */
final class Journey {

  enum Step {
    SYNC,
    KPI_INPUTS,
    PLAN_ACTIVATION,
    NEW_REVENUE,
    DROP,
    REVIEW,
    MONTH_TURN
  }

  /** What happens to the system around a step: nothing, by default. */
  interface Disruption {
    default void before(Step step, SystemUnderTest sut) {}

    default void after(Step step, SystemUnderTest sut) {}
  }

  static final long SEED = 7;
  static final int PORTFOLIO_SIZE = 24;
  static final String NEXT_MONTH = "2026-11-02T08:00:00Z";
  private static final Duration SETTLE = Duration.ofSeconds(120);

  private final SystemUnderTest sut;
  private final Disruption disruption;
  private final Quiescence quiescence;
  private final Api admin;
  private final Api kam;
  private final Api manager;
  private Api partner;
  private String heroId;
  private String planId;

  Journey(SystemUnderTest sut, Disruption disruption) {
    this.sut = sut;
    this.disruption = disruption;
    this.quiescence = new Quiescence(sut);
    this.admin = Api.bearer(sut.gatewayUrl(), sut.token("ops-olga", "admin"));
    this.kam = Api.bearer(sut.gatewayUrl(), sut.token(Hero.OWNER, "kam"));
    this.manager = Api.bearer(sut.gatewayUrl(), sut.token("mgr-maria", "kam-manager"));
  }

  /** Runs every step and returns the end state: every GET of the public API, normalized. */
  Map<String, JsonNode> run() {
    partner = Api.apiKey(sut.gatewayUrl(), createPartnerKey());
    Portfolio portfolio =
        new PortfolioGenerator(SEED, PORTFOLIO_SIZE, YearMonth.of(2026, 9)).generate();
    step(Step.SYNC, () -> syncAccounts(portfolio));
    step(Step.KPI_INPUTS, () -> sendKpiInputs(portfolio));
    step(Step.PLAN_ACTIVATION, this::activatePlan);
    step(Step.NEW_REVENUE, this::lateInvoice);
    step(Step.DROP, this::dropAndBadNps);
    step(Step.REVIEW, this::review);
    step(Step.MONTH_TURN, this::turnTheMonth);
    Checks.overview(admin.read("/api/v1/accounts/" + heroId + "/overview"), planId);
    Checks.changesFeedMirrorsTheAccounts(partner, admin);
    Checks.noDeadLetters(admin);
    return new EndState(admin, partner).collect();
  }

  private void step(Step step, Runnable action) {
    disruption.before(step, sut);
    action.run();
    disruption.after(step, sut);
    quiescence.await(SETTLE);
    verify(step);
  }

  private String createPartnerKey() {
    Gateway.Reply r =
        admin.post("/api/v1/api-keys", "{\"name\":\"crm-partner\",\"roles\":[\"integration\"]}");
    assertEquals(201, r.status(), r.body());
    return r.json().path("key").asText();
  }

  private void syncAccounts(Portfolio portfolio) {
    List<ObjectNode> items =
        new ArrayList<>(portfolio.accounts().stream().map(Payloads::account).toList());
    items.add(Hero.account());
    JsonNode results = bulk(partner, "/api/v1/sync/accounts", items, 1000);
    for (JsonNode r : results) {
      assertEquals("CREATED", r.path("status").asText(), r.toString());
      if (Hero.EXTERNAL_ID.equals(r.path("externalId").asText())) {
        heroId = r.path("id").asText();
      }
    }
  }

  private void sendKpiInputs(Portfolio portfolio) {
    List<ObjectNode> lines =
        new ArrayList<>(portfolio.revenueLines().stream().map(Payloads::revenueLine).toList());
    lines.addAll(Hero.history());
    expectAll(bulk(partner, "/api/v1/revenue-lines", lines, 5000), "CREATED");
    List<ObjectNode> surveys =
        new ArrayList<>(
            portfolio.surveyResponses().stream().map(Payloads::surveyResponse).toList());
    surveys.addAll(Hero.goodSurveys());
    expectAll(bulk(partner, "/api/v1/survey-responses", surveys, 5000), "CREATED");
  }

  private void activatePlan() {
    String p = "/api/v1/plans/" + planId;
    created(
        kam.post(
            p + "/objectives",
            "{\"title\":\"Grow T12M revenue by 45 %\",\"dueDate\":\"2027-09-30\","
                + "\"kpi\":{\"metric\":\"REVENUE_GROWTH\",\"baseline\":0.25,\"target\":0.45}}"));
    created(
        kam.post(
            p + "/actions",
            "{\"title\":\"Quarterly business review with the CFO\",\"dueDate\":\"2026-10-30\"}"));
    created(
        kam.post(
            p + "/opportunities",
            "{\"productLine\":\"SERVICES\",\"kind\":\"CROSS_SELL\","
                + "\"estimatedValue\":240000,\"probability\":0.4,\"expectedClose\":\"2027-03-31\"}"));
    created(
        kam.post(
            "/api/v1/accounts/" + heroId + "/contacts",
            "{\"name\":\"Dr. Petra Lang\",\"title\":\"CFO\","
                + "\"buyingRole\":\"DECISION_MAKER\",\"influence\":5,\"relationshipStrength\":3}"));
    Gateway.Reply r = kam.post(p + "/activate", null);
    assertEquals(200, r.status(), r.body());
  }

  private void lateInvoice() {
    expectAll(
        bulk(
            partner,
            "/api/v1/revenue-lines",
            List.of(Hero.line("INV-2026-03-LATE", LocalDate.of(2026, 3, 28), "PLATFORM", "150000")),
            5000),
        "CREATED");
  }

  private void dropAndBadNps() {
    expectAll(
        bulk(
            partner,
            "/api/v1/revenue-lines",
            List.of(Hero.line("CN-2026-08-1", LocalDate.of(2026, 8, 25), "PLATFORM", "-300000")),
            5000),
        "CREATED");
    expectAll(bulk(partner, "/api/v1/survey-responses", Hero.badSurveys(), 5000), "CREATED");
  }

  private void review() {
    created(
        kam.post(
            "/api/v1/plans/" + planId + "/reviews",
            "{\"summary\":\"Credit note and detractors explained: "
                + "a delivery incident in August, fixed.\",\"decisions\":[\"Weekly service call until NPS recovers\"]}"));
    // A plan a high risk put under review returns to ACTIVE by a kam-manager's review only.
    created(
        manager.post(
            "/api/v1/plans/" + planId + "/reviews",
            "{\"summary\":\"Recovery plan agreed with the KAM.\",\"decisions\":[]}"));
  }

  private void turnTheMonth() {
    // October's revenue counts once October is complete.
    expectAll(
        bulk(
            partner,
            "/api/v1/revenue-lines",
            List.of(Hero.line("INV-2026-10-P", LocalDate.of(2026, 10, 10), "PLATFORM", "200000")),
            5000),
        "CREATED");
    for (String service : List.of("account", "scoring", "kpi", "planning")) {
      Gateway.Reply r =
          admin.put("/api/v1/admin/" + service + "/clock", "{\"now\":\"" + NEXT_MONTH + "\"}");
      assertEquals(200, r.status(), service + ": " + r.body());
    }
    // The month-turn job runs on its own schedule; the new snapshot is what the step waits for.
    Checks.eventually(
        "the hero's score takes October's revenue",
        () ->
            Checks.criterion(admin.read("/api/v1/accounts/" + heroId + "/score"), "revenue")
                    .path("input")
                    .decimalValue()
                    .compareTo(new java.math.BigDecimal("1425000"))
                == 0);
  }

  private void verify(Step step) {
    JsonNode score = admin.read("/api/v1/accounts/" + heroId + "/score");
    switch (step) {
      case SYNC -> Checks.score(score, "57.1", "DEVELOPING", "LOW");
      case KPI_INPUTS -> {
        Checks.score(score, "81.1", "KEY", "LOW");
        assertEquals("STRATEGIC", score.path("type").asText());
        JsonNode kpis = admin.read("/api/v1/accounts/" + heroId + "/kpis?period=2026-09");
        Checks.decimal(kpis, "t12mRevenue", "1500000");
        Checks.decimal(kpis, "t12mGrowth", "0.25");
        Checks.decimal(kpis, "npsT12m", "60");
        JsonNode drafts =
            admin.read("/api/v1/plans?accountId=" + heroId + "&status=DRAFT").path("items");
        assertEquals(1, drafts.size(), "the KEY account gets one DRAFT plan: " + drafts);
        assertEquals(Hero.OWNER, drafts.path(0).path("ownerId").asText());
        planId = drafts.path(0).path("id").asText();
      }
      case PLAN_ACTIVATION -> assertEquals("ACTIVE", plan().path("status").asText());
      case NEW_REVENUE -> {
        // t12mRevenue 1 650 000, growth 0.375: progress (0.375 - 0.25) / (0.45 - 0.25) = 62.5 %.
        Checks.score(score, "85.0", "KEY", "LOW");
        JsonNode objective = plan().path("objectives").path(0);
        Checks.decimal(objective, "actual", "0.375");
        Checks.decimal(objective, "progress", "62.5");
      }
      case DROP -> {
        // last3mGrowth (75 000 - 375 000) / 375 000 = -0.8 and npsT12m -46.67: two signals.
        Checks.score(score, "71.9", "KEY", "HIGH");
        assertEquals(
            List.of("REVENUE_DROP_3M", "NEGATIVE_NPS"), Checks.texts(score.path("riskReasons")));
        JsonNode plan = plan();
        assertEquals("UNDER_REVIEW", plan.path("status").asText());
        String risks = plan.path("risks").toString();
        assertTrue(risks.contains("REVENUE_DROP_3M") && risks.contains("NEGATIVE_NPS"), risks);
        Checks.decimal(plan.path("objectives").path(0), "progress", "0");
      }
      case REVIEW -> {
        JsonNode plan = plan();
        assertEquals("ACTIVE", plan.path("status").asText());
        assertEquals("2027-01-13T08:00:00Z", plan.path("nextReviewAt").asText());
      }
      case MONTH_TURN -> {
        // T12M 2025-11..2026-10: 1 425 000 against 1 225 000 before: growth 0.163...; score 73.2.
        Checks.score(score, "73.2", "KEY", "HIGH");
        JsonNode kpis = admin.read("/api/v1/accounts/" + heroId + "/kpis?period=2026-10");
        Checks.decimal(kpis, "t12mRevenue", "1425000");
        JsonNode overdue =
            admin.read("/api/v1/actions?ownerId=" + Hero.OWNER + "&overdue=true").path("items");
        assertEquals(
            1, overdue.size(), "the action due 2026-10-30 is overdue in November: " + overdue);
      }
    }
  }

  private JsonNode plan() {
    return admin.read("/api/v1/plans/" + planId);
  }

  /** Sends items in batches of at most {@code size}; returns every item's result. */
  private static JsonNode bulk(Api api, String path, List<ObjectNode> items, int size) {
    var all = Payloads.JSON.createArrayNode();
    for (int from = 0; from < items.size(); from += size) {
      Gateway.Reply r =
          api.put(path, Payloads.bulk(items.subList(from, Math.min(items.size(), from + size))));
      assertEquals(200, r.status(), path + ": " + r.body());
      r.json().path("results").forEach(all::add);
    }
    assertEquals(items.size(), all.size());
    return all;
  }

  private static void expectAll(JsonNode results, String status) {
    List<String> other = new ArrayList<>();
    results.forEach(
        r -> {
          if (!status.equals(r.path("status").asText())) {
            other.add(r.toString());
          }
        });
    assertTrue(other.isEmpty(), "expected every item " + status + ": " + other);
  }

  private static void created(Gateway.Reply r) {
    assertEquals(201, r.status(), r.body());
  }
}
