package io.kam.gateway.openapi;

/** One line per service for the merged document's tags. */
final class Descriptions {

  private Descriptions() {}

  static String of(String service) {
    return switch (service) {
      case "account" ->
          "Accounts, hierarchy, contacts, team, relationship stage, assessments, history, CRM sync";
      case "scoring" ->
          "Scoring models, explained scores, tiers, types, defection risk, designations";
      case "kpi" -> "Revenue lines, survey responses, account and portfolio KPIs";
      case "planning" -> "Account plans, objectives, actions, risks, opportunities, reviews";
      default -> "The gateway: identity, API keys, composite views, system health";
    };
  }
}
