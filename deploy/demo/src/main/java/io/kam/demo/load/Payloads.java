package io.kam.demo.load;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kam.demo.portfolio.DemoAccount;
import io.kam.demo.portfolio.DemoContact;
import io.kam.demo.portfolio.RevenueLine;
import io.kam.demo.portfolio.SurveyResponse;
import java.util.List;

/**
 * The request shapes of docs/api.md, built field by field so nothing internal leaks onto the wire.
 */
public final class Payloads {

  /** Plain decimals (never 1E+4), ISO-8601 dates and instants. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Payloads() {}

  /**
   * A sync item; an unknown wallet or missing assessment is left out (a merge keeps what is
   * stored).
   */
  public static ObjectNode account(DemoAccount a) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("source", a.source())
            .put("externalId", a.externalId())
            .put("name", a.name());
    if (a.parentExternalId() != null) {
      n.put("parentExternalId", a.parentExternalId());
    }
    n.put("industry", a.industry())
        .put("country", a.country())
        .put("region", a.region())
        .put("website", a.website())
        .put("employees", a.employees())
        .put("lifecycle", a.lifecycle())
        .put("ownerId", a.ownerId());
    ArrayNode team = n.putArray("team");
    a.team().forEach(m -> team.addObject().put("userId", m.userId()).put("role", m.role()));
    n.put("relationshipStage", a.relationshipStage());
    if (a.assessment() != null) {
      n.putObject("assessment")
          .put("strategicAlignment", a.assessment().strategicAlignment())
          .put("marketInfluence", a.assessment().marketInfluence())
          .put("fit", a.assessment().fit())
          .put("partnership", a.assessment().partnership());
    }
    if (a.potentialAnnualSpend() != null) {
      n.put("potentialAnnualSpend", a.potentialAnnualSpend());
    }
    return n;
  }

  public static ObjectNode revenueLine(RevenueLine l) {
    return JSON.createObjectNode()
        .put("source", l.source())
        .put("externalId", l.externalId())
        .put("accountSource", l.accountSource())
        .put("accountExternalId", l.accountExternalId())
        .put("date", l.date().toString())
        .put("productLine", l.productLine())
        .put("amount", l.amount());
  }

  public static ObjectNode surveyResponse(SurveyResponse r) {
    return JSON.createObjectNode()
        .put("source", r.source())
        .put("externalId", r.externalId())
        .put("accountSource", r.accountSource())
        .put("accountExternalId", r.accountExternalId())
        .put("kind", r.kind())
        .put("score", r.score())
        .put("respondedAt", r.respondedAt().toString());
  }

  /** An item of PUT /api/v1/sync/contacts: the contact under its account's external key. */
  public static ObjectNode contact(ContactLoader.Item item) {
    DemoAccount a = item.account();
    DemoContact c = item.contact();
    ObjectNode n =
        JSON.createObjectNode()
            .put("source", a.source())
            .put("externalId", ContactLoader.externalId(a, c.key()))
            .put("accountExternalId", a.externalId())
            .put("name", c.name())
            .put("title", c.title())
            .put("email", c.email())
            .put("phone", c.phone())
            .put("buyingRole", c.buyingRole())
            .put("influence", c.influence())
            .put("relationshipStrength", c.relationshipStrength());
    if (c.reportsToKey() != null) {
      n.put("reportsToExternalId", ContactLoader.externalId(a, c.reportsToKey()));
    }
    return n;
  }

  public static ObjectNode bulk(List<ObjectNode> items) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("items").addAll(items);
    return body;
  }
}
