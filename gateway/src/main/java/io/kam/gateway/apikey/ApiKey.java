package io.kam.gateway.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An integration partner's API key as stored: only a hash of its secret (see ApiKeySecrets). */
@Entity
@Table(name = "api_key")
public class ApiKey {
  @Id public UUID id;

  public String name;

  public String prefix;

  @Column(name = "secret_hash")
  public String secretHash;

  /** Comma-separated role names (the column is text). */
  public String roles;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
