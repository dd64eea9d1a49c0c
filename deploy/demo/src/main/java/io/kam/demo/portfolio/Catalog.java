package io.kam.demo.portfolio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabularies of the demo portfolio (values as docs/kpis-and-scores.md and the services
 * spell them).
 */
public final class Catalog {

  public static final String ACCOUNT_SOURCE = "demo-crm";
  public static final String REVENUE_SOURCE = "demo-erp";
  public static final String SURVEY_SOURCE = "demo-survey";

  public static final List<String> INDUSTRIES =
      List.of(
          "MANUFACTURING",
          "FINANCE",
          "HEALTHCARE",
          "RETAIL",
          "TECHNOLOGY",
          "ENERGY",
          "LOGISTICS",
          "TELECOM");

  /** ISO 3166-1 alpha-2 code to sales region, in a fixed order. */
  public static final Map<String, String> COUNTRY_REGION = countries();

  public static final List<String> REGIONS = List.of("EMEA", "AMER", "APAC");

  /** Key account managers (JWT subjects); kam-anna and kam-ben are the local run's demo users. */
  public static final List<String> OWNERS =
      List.of("kam-anna", "kam-ben", "kam-chloe", "kam-david", "kam-elena", "kam-farid");

  static final int[] OWNER_WEIGHTS = {3, 3, 2, 2, 2, 1};

  public static final List<String> TEAM_ROLES =
      List.of("EXECUTIVE_SPONSOR", "SOLUTION_ENGINEER", "SUPPORT_LEAD");

  static final Map<String, List<String>> TEAM_POOL =
      Map.of(
          "EXECUTIVE_SPONSOR", List.of("exec-maria", "exec-thomas", "exec-sofia", "exec-james"),
          "SOLUTION_ENGINEER", List.of("se-lena", "se-omar", "se-yuki", "se-pedro", "se-nina"),
          "SUPPORT_LEAD", List.of("support-ravi", "support-julia", "support-kofi"));

  public static final List<String> LIFECYCLES = List.of("PROSPECT", "CUSTOMER", "FORMER_CUSTOMER");

  public static final List<String> STAGES =
      List.of("TACTICAL", "COOPERATIVE", "INTERDEPENDENT", "STRATEGIC");

  public static final List<String> BUYING_ROLES =
      List.of("DECISION_MAKER", "INFLUENCER", "CHAMPION", "USER", "GATEKEEPER", "BLOCKER");

  /** Product lines with their usual share of an account's spend (sums to 1). */
  public static final Map<String, Double> PRODUCT_LINES = productLines();

  static final Map<String, List<String>> TITLES =
      Map.of(
          "DECISION_MAKER",
              List.of("CEO", "CFO", "CIO", "CTO", "COO", "Managing Director", "VP Procurement"),
          "INFLUENCER",
              List.of("Head of IT", "Director of Operations", "Head of Finance", "VP Supply Chain"),
          "CHAMPION", List.of("Head of Analytics", "Digital Transformation Lead", "Head of Data"),
          "USER",
              List.of(
                  "Data Analyst",
                  "Operations Manager",
                  "Controller",
                  "Planner",
                  "Team Lead Reporting"),
          "GATEKEEPER", List.of("Procurement Manager", "Executive Assistant", "Vendor Manager"),
          "BLOCKER", List.of("IT Security Officer", "Legal Counsel", "Head of Compliance"));

  static final List<String> FIRST_NAMES =
      List.of(
          "Anna",
          "Lukas",
          "Sophie",
          "Jonas",
          "Emma",
          "Noah",
          "Mia",
          "Elias",
          "Hannah",
          "Leon",
          "Olivia",
          "Liam",
          "Chloe",
          "Hugo",
          "Camille",
          "Louis",
          "Isabella",
          "Mateo",
          "Lucia",
          "Diego",
          "Aiko",
          "Haruto",
          "Mei",
          "Wei",
          "Priya",
          "Arjun",
          "Fatima",
          "Omar",
          "Grace",
          "Ethan",
          "Zoe",
          "Oscar",
          "Freya",
          "Nils",
          "Ingrid",
          "Pieter",
          "Femke",
          "Marta",
          "Jakub",
          "Amara");

  static final List<String> LAST_NAMES =
      List.of(
          "Mueller",
          "Schmidt",
          "Schneider",
          "Fischer",
          "Weber",
          "Martin",
          "Bernard",
          "Dubois",
          "Moreau",
          "Smith",
          "Jones",
          "Taylor",
          "Brown",
          "Wilson",
          "Garcia",
          "Rodriguez",
          "Lopez",
          "Rossi",
          "Russo",
          "Ferrari",
          "Jansen",
          "de Vries",
          "Johansson",
          "Lindqvist",
          "Nowak",
          "Kowalski",
          "Tanaka",
          "Suzuki",
          "Sato",
          "Chen",
          "Wang",
          "Kim",
          "Patel",
          "Sharma",
          "Haddad",
          "Mensah",
          "Silva",
          "Santos",
          "Novak",
          "Keller");

  static final List<String> NAME_PREFIXES =
      List.of(
          "Nord", "Blue", "Alpen", "Silver", "Iron", "Sun", "Green", "Star", "Polar", "Delta",
          "Apex", "Vertex", "Orion", "Atlas", "Helix", "Nova", "Terra", "Aqua", "Lumen", "Quantum",
          "Stone", "River", "Cedar", "Falcon", "Crown");

  static final List<String> NAME_ROOTS =
      List.of(
          "wind", "peak", "tech", "works", "line", "field", "bridge", "gate", "port", "soft", "med",
          "fin", "logic", "craft", "grid", "flow", "core", "wave", "point", "stream");

  static final List<String> UNIT_NAMES =
      List.of("Services", "Digital", "Operations", "Solutions", "Industries");

  private Catalog() {}

  static String legalSuffix(String country) {
    return switch (country) {
      case "DE", "AT" -> "GmbH";
      case "CH" -> "AG";
      case "FR" -> "SA";
      case "ES", "MX" -> "S.A.";
      case "IT" -> "S.p.A.";
      case "NL" -> "B.V.";
      case "SE" -> "AB";
      case "PL" -> "Sp. z o.o.";
      case "US", "CA" -> "Inc.";
      case "BR" -> "Ltda.";
      case "JP" -> "K.K.";
      case "AU", "SG", "IN" -> "Pty Ltd";
      default -> "Ltd";
    };
  }

  static String callingCode(String country) {
    return switch (country) {
      case "DE" -> "49";
      case "AT" -> "43";
      case "CH" -> "41";
      case "FR" -> "33";
      case "GB" -> "44";
      case "NL" -> "31";
      case "ES" -> "34";
      case "IT" -> "39";
      case "SE" -> "46";
      case "PL" -> "48";
      case "AE" -> "971";
      case "ZA" -> "27";
      case "US", "CA" -> "1";
      case "BR" -> "55";
      case "MX" -> "52";
      case "JP" -> "81";
      case "AU" -> "61";
      case "SG" -> "65";
      case "IN" -> "91";
      case "KR" -> "82";
      default -> "86";
    };
  }

  private static Map<String, String> countries() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c :
        List.of("DE", "FR", "GB", "NL", "ES", "IT", "SE", "CH", "AT", "PL", "AE", "ZA")) {
      m.put(c, "EMEA");
    }
    for (String c : List.of("US", "CA", "BR", "MX")) {
      m.put(c, "AMER");
    }
    for (String c : List.of("JP", "AU", "SG", "IN", "CN", "KR")) {
      m.put(c, "APAC");
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, Double> productLines() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("PLATFORM", 0.50);
    m.put("ANALYTICS", 0.20);
    m.put("SERVICES", 0.15);
    m.put("SUPPORT", 0.10);
    m.put("TRAINING", 0.05);
    return java.util.Collections.unmodifiableMap(m);
  }
}
