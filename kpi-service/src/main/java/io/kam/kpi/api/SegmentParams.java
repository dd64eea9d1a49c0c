package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.kpi.domain.kpi.Segment;
import java.util.Set;

/** The portfolio segment filters, parsed once for every portfolio read. */
final class SegmentParams {

  static final Set<String> TIERS = Set.of("KEY", "DEVELOPING", "STANDARD");
  static final Set<String> TYPES = Set.of("STRATEGIC", "STABLE", "HIGH_GROWTH", "TACTICAL");

  private SegmentParams() {}

  static Segment of(
      String ownerId, String tier, String type, String industry, String country, String region) {
    return new Segment(
        QueryParams.text(ownerId),
        QueryParams.oneOf("tier", tier, TIERS),
        QueryParams.oneOf("type", type, TYPES),
        QueryParams.text(industry),
        QueryParams.text(country),
        QueryParams.text(region));
  }
}
