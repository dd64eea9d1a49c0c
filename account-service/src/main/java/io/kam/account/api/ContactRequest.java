package io.kam.account.api;

import io.kam.account.domain.BuyingRole;
import io.kam.account.domain.ContactData;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A stakeholder as clients send it. */
public record ContactRequest(
    @NotBlank @Size(max = 300) String name,
    @Size(max = 300) String title,
    @Email @Size(max = 300) String email,
    @Size(max = 50) String phone,
    BuyingRole buyingRole,
    @Min(1) @Max(5) Integer influence,
    @Min(1) @Max(5) Integer relationshipStrength,
    UUID reportsToContactId) {

  public ContactData toData() {
    return new ContactData(
        name, title, email, phone, buyingRole, influence, relationshipStrength, reportsToContactId);
  }

  static ContactRequest of(io.kam.account.domain.ContactView c) {
    return new ContactRequest(
        c.name(),
        c.title(),
        c.email(),
        c.phone(),
        c.buyingRole(),
        c.influence(),
        c.relationshipStrength(),
        c.reportsToContactId());
  }
}
