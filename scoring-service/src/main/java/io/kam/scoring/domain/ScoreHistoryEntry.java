package io.kam.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One change of an account's score, tiers, type, risk or designation, as it was after it. */
@Entity
@Table(name = "score_history")
public class ScoreHistoryEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "account_id")
  public UUID accountId;

  public Instant at;

  /**
   * What caused it: SNAPSHOT, ACCOUNT, MODEL, DESIGNATION, DESIGNATION_REMOVED, DESIGNATION_ENDED.
   */
  public String cause;

  public BigDecimal score;

  @Column(name = "computed_tier")
  public String computedTier;

  public String tier;
  public String type;
  public String risk;

  @Column(name = "risk_reasons")
  public String riskReasons;

  public BigDecimal coverage;

  @Column(name = "model_version")
  public int modelVersion;

  public String breakdown;

  /** JSON of the designation in force after the change, null when none. */
  public String designation;
}
