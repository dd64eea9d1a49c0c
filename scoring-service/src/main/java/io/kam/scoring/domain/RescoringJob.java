package io.kam.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Rescoring every account after a model activation. Accounts are taken in id order and {@code
 * lastAccountId} is committed with each batch, so a restarted worker continues after the last
 * committed batch and never rescores an account twice.
 */
@Entity
@Table(name = "rescoring_job")
public class RescoringJob {

  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";

  /** Superseded by a later activation, which rescored everyone again. */
  public static final String CANCELLED = "CANCELLED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "model_id")
  public UUID modelId;

  public String status;

  @Column(name = "accounts_total")
  public int accountsTotal;

  @Column(name = "accounts_done")
  public int accountsDone;

  @Column(name = "accounts_changed")
  public int accountsChanged;

  @Column(name = "last_account_id")
  public UUID lastAccountId;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;
}
