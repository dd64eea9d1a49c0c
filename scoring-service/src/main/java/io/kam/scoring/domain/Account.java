package io.kam.scoring.domain;

import io.kam.scoring.domain.calc.ScoreInputs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An account as scoring sees it: what account-service and kpi-service told us (the inputs), the
 * current score and the manual designation. One row, so the ranked portfolio is one indexed query.
 */
@Entity
@Table(name = "account")
public class Account {

  @Id public UUID id;
  public String name;

  @Column(name = "owner_id")
  public String ownerId;

  public boolean deleted;

  /** Segments (portfolio summary filters), from the account events. */
  public String industry;

  public String country;
  public String region;

  /** When the KAM last set or confirmed the assessment; null: never (freshness). */
  @Column(name = "assessed_at")
  public LocalDate assessedAt;

  /** The latest month with a revenue line, "YYYY-MM", from the KPI snapshot (freshness). */
  @Column(name = "last_revenue_month")
  public String lastRevenueMonth;

  /** The date of the latest survey response, from the KPI snapshot (freshness). */
  @Column(name = "last_survey_date")
  public LocalDate lastSurveyDate;

  @Column(name = "strategic_alignment")
  public Integer strategicAlignment;

  @Column(name = "market_influence")
  public Integer marketInfluence;

  public Integer fit;
  public Integer partnership;

  @Column(name = "has_snapshot")
  public boolean hasSnapshot;

  @Column(name = "as_of_month")
  public String asOfMonth;

  @Column(name = "t12m_revenue")
  public BigDecimal t12mRevenue;

  @Column(name = "t12m_growth")
  public BigDecimal t12mGrowth;

  @Column(name = "last3m_growth")
  public BigDecimal last3mGrowth;

  @Column(name = "share_of_wallet")
  public BigDecimal shareOfWallet;

  @Column(name = "nps_t12m")
  public BigDecimal npsT12m;

  @Column(name = "csat_t12m")
  public BigDecimal csatT12m;

  @Column(name = "cross_sell_count")
  public Integer crossSellCount;

  public boolean scored;
  public BigDecimal score;

  @Column(name = "computed_tier")
  public String computedTier;

  /** The effective tier as of the last write; reads re-evaluate an ended designation. */
  public String tier;

  public String type;
  public String risk;

  /** Comma-separated, in docs/kpis-and-scores.md's order. */
  @Column(name = "risk_reasons")
  public String riskReasons;

  public BigDecimal coverage;

  @Column(name = "model_version")
  public Integer modelVersion;

  /** JSON list of breakdown items. */
  public String breakdown;

  @Column(name = "computed_at")
  public Instant computedAt;

  @Column(name = "designation_tier")
  public String designationTier;

  @Column(name = "designation_reason")
  public String designationReason;

  @Column(name = "designation_ends_on")
  public LocalDate designationEndsOn;

  @Column(name = "designation_by")
  public String designationBy;

  @Column(name = "designation_at")
  public Instant designationAt;

  @Version
  @Column(name = "row_version")
  public long rowVersion;

  public ScoreInputs inputs() {
    return new ScoreInputs(
        t12mRevenue,
        t12mGrowth,
        last3mGrowth,
        shareOfWallet,
        npsT12m,
        csatT12m,
        crossSellCount,
        strategicAlignment,
        marketInfluence,
        fit,
        partnership);
  }

  /** The designation in force on {@code today}: it ends by itself on its end date. */
  public Designation designation(LocalDate today) {
    if (designationTier == null) {
      return null;
    }
    Designation d =
        new Designation(
            designationTier, designationReason, designationEndsOn, designationBy, designationAt);
    return d.inForceOn(today) ? d : null;
  }

  public void clearDesignation() {
    designationTier = null;
    designationReason = null;
    designationEndsOn = null;
    designationBy = null;
    designationAt = null;
  }
}
