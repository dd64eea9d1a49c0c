package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Whitespace: a product line the account could buy, with its value and chance. */
@Entity
@Table(name = "plan_opportunity")
public class Opportunity implements PlanPart {
  @Id public UUID id;

  @Column(name = "plan_id")
  public UUID planId;

  @Column(name = "product_line")
  public String productLine;

  @Enumerated(EnumType.STRING)
  public OpportunityKind kind;

  @Column(name = "estimated_value")
  public BigDecimal estimatedValue;

  public BigDecimal probability;

  @Column(name = "expected_close")
  public LocalDate expectedClose;

  @Column(name = "created_at")
  public Instant createdAt;

  @Version public long version;

  /** Exact: value x probability, no rounding. */
  public BigDecimal weightedValue() {
    return estimatedValue.multiply(probability);
  }

  @Override
  public UUID partId() {
    return id;
  }

  @Override
  public long partVersion() {
    return version;
  }
}
