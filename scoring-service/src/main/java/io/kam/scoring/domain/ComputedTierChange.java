package io.kam.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The computed tier an account got at {@code at}; in force until its next change. */
@Entity
@Table(name = "computed_tier_change")
public class ComputedTierChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "account_id")
  public UUID accountId;

  public Instant at;
  public String tier;
}
