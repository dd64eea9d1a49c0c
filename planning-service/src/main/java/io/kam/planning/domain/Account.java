package io.kam.planning.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** What planning knows of an account (from kam.account.events): enough for ownership and titles. */
@Entity
@Table(name = "account")
public class Account {
  @Id public UUID id;

  public String name;

  @Column(name = "owner_id")
  public String ownerId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_team_member", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "user_id")
  public Set<String> team = new HashSet<>();

  public boolean deleted;

  /** Whether {@code userId} owns the account or is on its team. */
  public boolean isManagedBy(String userId) {
    return userId != null && (userId.equals(ownerId) || team.contains(userId));
  }
}
