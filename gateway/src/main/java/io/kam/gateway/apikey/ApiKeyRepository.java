package io.kam.gateway.apikey;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys one at a time: by id, by prefix (the lookup of every authentication), all for the admin
 * list.
 */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

  private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("name");

  public Optional<ApiKey> byPrefix(String prefix) {
    return find("prefix", prefix).firstResultOptional();
  }

  public boolean nameTaken(String name) {
    return count("name", name) > 0;
  }

  /**
   * The key, row-locked for the rest of the transaction: two revocations of one key are serialized.
   */
  public Optional<ApiKey> lock(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public List<ApiKey> oldestFirst() {
    return listAll(OLDEST_FIRST);
  }
}
