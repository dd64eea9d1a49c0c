package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Whitespace: a product line the account could buy, with its value and chance. */
@Entity
@Table(name = "plan_opportunity")
public class Opportunity extends PlanPart {
  @Column(name = "product_line")
  public String productLine;

  @Enumerated(EnumType.STRING)
  public OpportunityKind kind;

  @Column(name = "estimated_value")
  public BigDecimal estimatedValue;

  public BigDecimal probability;

  @Column(name = "expected_close")
  public LocalDate expectedClose;

  /** Exact: value x probability, no rounding. */
  public BigDecimal weightedValue() {
    return estimatedValue.multiply(probability);
  }

  @Override
  public String label() {
    return productLine;
  }

  @Override
  public Map<String, Object> trail() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("productLine", productLine);
    m.put("kind", kind);
    m.put("estimatedValue", estimatedValue);
    m.put("probability", probability);
    m.put("expectedClose", expectedClose);
    return m;
  }
}
