package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The latest KPI snapshot and score of an account, as the other services published them. */
@Entity
@Table(name = "account_metrics")
public class AccountMetrics {
  @Id
  @Column(name = "account_id")
  public UUID accountId;

  @Column(name = "as_of_month")
  public String asOfMonth;

  @Column(name = "t12m_revenue")
  public BigDecimal t12mRevenue;

  @Column(name = "t12m_growth")
  public BigDecimal t12mGrowth;

  @Column(name = "share_of_wallet")
  public BigDecimal shareOfWallet;

  @Column(name = "nps_t12m")
  public BigDecimal npsT12m;

  @Column(name = "csat_t12m")
  public BigDecimal csatT12m;

  @Column(name = "cross_sell_count")
  public Integer crossSellCount;

  public BigDecimal score;
}
