package io.kam.account.api;

import io.kam.account.domain.AccountData;
import io.kam.account.domain.Assessment;
import io.kam.account.domain.Lifecycle;
import io.kam.account.domain.RelationshipStage;
import io.kam.account.domain.TeamMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An account as clients send it (create, replace, and the base of merge patches and sync items).
 */
public record AccountRequest(
    @Size(max = 100) String source,
    @Size(max = 200) String externalId,
    @NotBlank @Size(max = 300) String name,
    @Size(max = 100) String industry,
    @Country String country,
    @Size(max = 100) String region,
    @Size(max = 500) String website,
    @PositiveOrZero Integer employees,
    Lifecycle lifecycle,
    @Size(max = 200) String ownerId,
    @Size(max = 100) List<@Valid @NotNull Member> team,
    RelationshipStage relationshipStage,
    @Valid Scores assessment,
    @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal potentialAnnualSpend,
    UUID parentId,
    @Schema(
            description =
                "the day the KAM assessed (not in the future); absent: today when the assessment"
                    + " changes, else unchanged")
        LocalDate assessedAt) {

  public record Member(
      @NotBlank @Size(max = 200) String userId, @NotBlank @Size(max = 100) String role) {}

  public record Scores(
      @Min(1) @Max(5) Integer strategicAlignment,
      @Min(1) @Max(5) Integer marketInfluence,
      @Min(1) @Max(5) Integer fit,
      @Min(1) @Max(5) Integer partnership) {}

  public AccountData toData() {
    List<TeamMember> members =
        team == null
            ? List.of()
            : team.stream().map(m -> new TeamMember(m.userId(), m.role())).toList();
    Assessment a =
        assessment == null
            ? Assessment.NONE
            : new Assessment(
                assessment.strategicAlignment(),
                assessment.marketInfluence(),
                assessment.fit(),
                assessment.partnership());
    return new AccountData(
        source,
        externalId,
        name,
        industry,
        country,
        region,
        website,
        employees,
        lifecycle,
        ownerId,
        members,
        relationshipStage,
        a,
        potentialAnnualSpend,
        parentId,
        assessedAt);
  }

  /**
   * The request equal to {@code d}, the base a merge patch or sync item is applied to. Without its
   * {@code assessedAt}: after the merge it holds only a date the client asked for.
   */
  public static AccountRequest of(AccountData d) {
    Assessment a = d.assessment();
    return new AccountRequest(
        d.source(),
        d.externalId(),
        d.name(),
        d.industry(),
        d.country(),
        d.region(),
        d.website(),
        d.employees(),
        d.lifecycle(),
        d.ownerId(),
        d.team().stream().map(m -> new Member(m.userId(), m.role())).toList(),
        d.relationshipStage(),
        new Scores(a.strategicAlignment(), a.marketInfluence(), a.fit(), a.partnership()),
        d.potentialAnnualSpend(),
        d.parentId(),
        null);
  }
}
