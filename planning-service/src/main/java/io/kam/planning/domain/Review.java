package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "plan_review")
public class Review {
  @Id public UUID id;

  @Column(name = "plan_id")
  public UUID planId;

  public String summary;

  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> decisions = new ArrayList<>();

  @Column(name = "reviewed_at")
  public Instant reviewedAt;

  @Column(name = "reviewed_by")
  public String reviewedBy;
}
