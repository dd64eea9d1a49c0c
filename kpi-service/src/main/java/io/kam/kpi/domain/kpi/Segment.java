package io.kam.kpi.domain.kpi;

/** Portfolio filters on the accounts' current data; null means "any". */
public record Segment(
    String ownerId, String tier, String type, String industry, String country, String region) {

  public static final Segment ALL = new Segment(null, null, null, null, null, null);
}
