package io.kam.kpi.domain.account;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One account of the read model, as account-service and scoring last described it ({@code name}
 * only for lists such as the portfolio drill-down; no KPI depends on it).
 */
public record AccountRow(
    UUID id,
    String source,
    String externalId,
    UUID parentId,
    String ownerId,
    String industry,
    String country,
    String region,
    BigDecimal wallet,
    String tier,
    String type,
    boolean deleted,
    String name) {}
