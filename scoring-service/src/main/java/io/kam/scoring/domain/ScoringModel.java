package io.kam.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A versioned scoring model: DRAFT when created, ACTIVE (exactly one), then RETIRED. */
@Entity
@Table(name = "scoring_model")
public class ScoringModel {

  public static final String DRAFT = "DRAFT";
  public static final String ACTIVE = "ACTIVE";
  public static final String RETIRED = "RETIRED";

  @Id public UUID id;
  public int version;
  public String status;

  /** The model as a {@code ModelDraft} JSON (criteria and thresholds), valid by construction. */
  public String definition;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "activated_at")
  public Instant activatedAt;

  @Column(name = "retired_at")
  public Instant retiredAt;

  @Version
  @Column(name = "row_version")
  public long rowVersion;
}
