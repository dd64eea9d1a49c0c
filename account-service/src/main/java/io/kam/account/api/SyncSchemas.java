package io.kam.account.api;

import io.kam.account.domain.BuyingRole;
import io.kam.account.domain.Lifecycle;
import io.kam.account.domain.RelationshipStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The documented shapes of the sync request bodies. The resources read each item as a JSON tree (an
 * item is a merge onto the stored record, so "absent" and "null" differ) and validate it like the
 * single-record request; these records only tell the OpenAPI document what an item holds.
 */
public final class SyncSchemas {

  private SyncSchemas() {}

  @Schema(name = "SyncAccountsRequest")
  public record AccountsBody(@NotNull @Size(max = 1000) List<AccountItem> items) {}

  @Schema(
      name = "SyncAccountItem",
      description =
          "A merge onto the account with this source + externalId (absent fields unchanged, null"
              + " clears)")
  public record AccountItem(
      @NotBlank @Size(max = 100) String source,
      @NotBlank @Size(max = 200) String externalId,
      @Size(max = 300) String name,
      @Size(max = 100) String industry,
      @Schema(description = "ISO 3166-1 alpha-2 code, e.g. DE (checked like the account's)")
          String country,
      @Size(max = 100) String region,
      @Size(max = 500) String website,
      @Min(0) Integer employees,
      Lifecycle lifecycle,
      @Size(max = 200) String ownerId,
      @Size(max = 100) List<AccountRequest.Member> team,
      RelationshipStage relationshipStage,
      @Valid AccountRequest.Scores assessment,
      @DecimalMin("0") BigDecimal potentialAnnualSpend,
      UUID parentId,
      @Schema(
              description =
                  "the day the KAM assessed (not in the future); absent: today when the assessment"
                      + " changes, else unchanged")
          LocalDate assessedAt,
      @Schema(description = "the parent's externalId in this item's source (wins over parentId)")
          @Size(max = 200)
          String parentExternalId,
      @Schema(description = "true deletes the account") Boolean deleted,
      @Schema(
              description =
                  "write only over this stored version (0: only if the key is new), else CONFLICT")
          @Min(0)
          @Max(Integer.MAX_VALUE)
          Long ifVersion) {}

  @Schema(name = "SyncContactsRequest")
  public record ContactsBody(@NotNull @Size(max = 1000) List<ContactItem> items) {}

  @Schema(
      name = "SyncContactItem",
      description =
          "A merge onto the contact with this source + externalId (absent fields unchanged, null"
              + " clears)")
  public record ContactItem(
      @NotBlank @Size(max = 100) String source,
      @NotBlank @Size(max = 200) String externalId,
      @Schema(description = "the account's source; defaults to this item's source") @Size(max = 100)
          String accountSource,
      @Schema(description = "the account's externalId; required for a new contact") @Size(max = 200)
          String accountExternalId,
      @Size(max = 300) String name,
      @Size(max = 300) String title,
      @Size(max = 300) String email,
      @Size(max = 50) String phone,
      BuyingRole buyingRole,
      @Min(1) @Max(5) Integer influence,
      @Min(1) @Max(5) Integer relationshipStrength,
      @Schema(description = "the manager's externalId: a contact of the same account, this source")
          @Size(max = 200)
          String reportsToExternalId,
      @Schema(description = "true deletes the contact") Boolean deleted,
      @Schema(
              description =
                  "write only over this stored version (0: only if the key is new), else CONFLICT")
          @Min(0)
          @Max(Integer.MAX_VALUE)
          Long ifVersion) {}
}
