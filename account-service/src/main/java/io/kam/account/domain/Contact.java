package io.kam.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A stakeholder on the customer's side; Hibernate counts its (optimistic) version, served as its
 * ETag.
 */
@Entity
@Table(name = "contact")
public class Contact {
  @Id public UUID id;

  @Column(name = "account_id", nullable = false)
  public UUID accountId;

  /** The partner's key, when the contact came from a CRM sync; both or neither. */
  public String source;

  @Column(name = "external_id")
  public String externalId;

  @Column(nullable = false)
  public String name;

  public String title;
  public String email;
  public String phone;

  @Enumerated(EnumType.STRING)
  @Column(name = "buying_role")
  public BuyingRole buyingRole;

  public Integer influence;

  @Column(name = "relationship_strength")
  public Integer relationshipStrength;

  @Column(name = "reports_to_contact_id")
  public UUID reportsToContactId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  public ContactData data() {
    return new ContactData(
        name, title, email, phone, buyingRole, influence, relationshipStrength, reportsToContactId);
  }

  void apply(ContactData d) {
    name = d.name();
    title = d.title();
    email = d.email();
    phone = d.phone();
    buyingRole = d.buyingRole();
    influence = d.influence();
    relationshipStrength = d.relationshipStrength();
    reportsToContactId = d.reportsToContactId();
  }
}
