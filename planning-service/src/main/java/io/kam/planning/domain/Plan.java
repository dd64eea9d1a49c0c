package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "plan")
public class Plan {
  @Id public UUID id;

  @Column(name = "account_id")
  public UUID accountId;

  public String title;

  @Column(name = "period_start")
  public LocalDate periodStart;

  @Column(name = "period_end")
  public LocalDate periodEnd;

  @Column(name = "owner_id")
  public String ownerId;

  @Column(name = "review_every_days")
  public int reviewEveryDays;

  @Column(name = "next_review_at")
  public Instant nextReviewAt;

  @Enumerated(EnumType.STRING)
  public PlanStatus status;

  /** Why it is UNDER_REVIEW; null in any other status. */
  @Enumerated(EnumType.STRING)
  @Column(name = "review_reason")
  public ReviewReason reviewReason;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version public long version;

  /** The fields the plan history follows (status has its own rows, with a reason). */
  public Map<String, Object> trail() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("periodStart", periodStart);
    m.put("periodEnd", periodEnd);
    m.put("ownerId", ownerId);
    m.put("reviewEveryDays", reviewEveryDays);
    m.put("nextReviewAt", nextReviewAt);
    return m;
  }
}
