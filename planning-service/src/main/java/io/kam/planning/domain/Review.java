package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A review of a plan: written once, never changed, so it carries no version. */
@Entity
@Table(name = "plan_review")
public class Review extends PlanChild {
  public String summary;

  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> decisions = new ArrayList<>();

  @Column(name = "reviewed_at")
  public Instant reviewedAt;

  @Column(name = "reviewed_by")
  public String reviewedBy;

  /** Written by the database (a sequence): the order of writing, for reviews of one instant. */
  @Column(name = "written_seq", insertable = false, updatable = false)
  public Long writtenSeq;
}
