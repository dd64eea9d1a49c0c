package io.kam.demo.portfolio;

import java.math.BigDecimal;
import java.util.List;

/**
 * One generated account as the CRM would sync it, with its stakeholders. {@code assessment} and
 * {@code potentialAnnualSpend} are null when the KAM has not assessed the account or the wallet is
 * unknown; {@code pattern} is how its revenue behaves (not sent, used by tests and the summary).
 */
public record DemoAccount(
    String source,
    String externalId,
    String name,
    String parentExternalId,
    String industry,
    String country,
    String region,
    String website,
    int employees,
    String lifecycle,
    String ownerId,
    List<TeamMember> team,
    String relationshipStage,
    Assessment assessment,
    BigDecimal potentialAnnualSpend,
    List<DemoContact> contacts,
    RevenuePattern pattern) {

  public record TeamMember(String userId, String role) {}

  /** The KAM's assessment, each 1..5. */
  public record Assessment(int strategicAlignment, int marketInfluence, int fit, int partnership) {}
}
