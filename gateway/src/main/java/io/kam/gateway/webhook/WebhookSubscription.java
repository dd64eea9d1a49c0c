package io.kam.gateway.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner's subscription as stored: its secrets only AES-GCM encrypted (see SecretBox). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {
  @Id public UUID id;

  /** Who created it ("api-key:NAME" or "user:ID"); a non-admin sees only its own. */
  @Column(name = "owner_origin")
  public String ownerOrigin;

  @Column(name = "target_url")
  public String targetUrl;

  /** Comma-separated type patterns (the column is text). */
  @Column(name = "event_types")
  public String eventTypes;

  @Column(name = "owner_id")
  public String ownerId;

  @Column(name = "account_id")
  public UUID accountId;

  public String description;

  public String status;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  @Column(name = "failing_since")
  public Instant failingSince;

  public String secret;

  @Column(name = "previous_secret")
  public String previousSecret;

  @Column(name = "previous_secret_until")
  public Instant previousSecretUntil;

  public long version;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
