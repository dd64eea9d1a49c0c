package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The account row as Hibernate reads and writes it for single-account work (create, get, PUT,
 * PATCH, DELETE). The sync path writes the same table set-based ({@link AccountWriter}). The
 * version is optimistic: Hibernate counts it on every update, so the ETag is the row's version.
 */
@Entity
@Table(name = "account")
public class AccountEntity {

  private static final TypeReference<List<TeamMember>> TEAM = new TypeReference<>() {};

  @Id public UUID id;

  public String source;

  @Column(name = "external_id")
  public String externalId;

  public String name;

  @Column(name = "search_name")
  public String searchName;

  public String industry;
  public String country;
  public String region;
  public String website;
  public Integer employees;
  public String lifecycle;

  @Column(name = "owner_id")
  public String ownerId;

  /**
   * The team as JSON text, read and written with the service's ObjectMapper like the sync path's.
   */
  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String team;

  @Column(name = "relationship_stage")
  public String relationshipStage;

  @Column(name = "strategic_alignment")
  public Short strategicAlignment;

  @Column(name = "market_influence")
  public Short marketInfluence;

  public Short fit;
  public Short partnership;

  @Column(name = "potential_annual_spend", precision = 19, scale = 4)
  public BigDecimal potentialAnnualSpend;

  @Column(name = "parent_id")
  public UUID parentId;

  @Column(name = "assessed_at")
  public LocalDate assessedAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "deleted_at")
  public Instant deletedAt;

  @Version public long version;

  /** A new account at version 1 (Hibernate keeps a version that is set before persist). */
  static AccountEntity created(UUID id, AccountData data, Instant at, ObjectMapper json) {
    AccountEntity e = new AccountEntity();
    e.id = id;
    e.createdAt = at;
    e.version = 1;
    e.apply(data, at, json);
    return e;
  }

  void apply(AccountData d, Instant at, ObjectMapper json) {
    source = d.source();
    externalId = d.externalId();
    name = d.name();
    searchName = SearchText.of(d.name());
    industry = d.industry();
    country = d.country();
    region = d.region();
    website = d.website();
    employees = d.employees();
    lifecycle = d.lifecycle() == null ? null : d.lifecycle().name();
    ownerId = d.ownerId();
    team = writeTeam(d.team(), json);
    relationshipStage = d.relationshipStage() == null ? null : d.relationshipStage().name();
    strategicAlignment = small(d.assessment().strategicAlignment());
    marketInfluence = small(d.assessment().marketInfluence());
    fit = small(d.assessment().fit());
    partnership = small(d.assessment().partnership());
    potentialAnnualSpend = d.potentialAnnualSpend();
    parentId = d.parentId();
    assessedAt = d.assessedAt();
    updatedAt = at;
  }

  Account toAccount(ObjectMapper json) {
    AccountData data =
        new AccountData(
            source,
            externalId,
            name,
            industry,
            country,
            region,
            website,
            employees,
            lifecycle == null ? null : Lifecycle.valueOf(lifecycle),
            ownerId,
            readTeam(json),
            relationshipStage == null ? null : RelationshipStage.valueOf(relationshipStage),
            new Assessment(
                integer(strategicAlignment),
                integer(marketInfluence),
                integer(fit),
                integer(partnership)),
            potentialAnnualSpend,
            parentId,
            assessedAt);
    return new Account(id, data, createdAt, updatedAt, version);
  }

  private List<TeamMember> readTeam(ObjectMapper json) {
    try {
      return team == null ? List.of() : json.readValue(team, TEAM);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored team is not readable", e);
    }
  }

  private static String writeTeam(List<TeamMember> members, ObjectMapper json) {
    try {
      return json.writeValueAsString(members);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("team is not serializable", e);
    }
  }

  private static Short small(Integer v) {
    return v == null ? null : v.shortValue();
  }

  private static Integer integer(Short v) {
    return v == null ? null : v.intValue();
  }
}
