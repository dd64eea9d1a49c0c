package io.kam.account.domain;

import java.time.Instant;
import java.util.UUID;

/** A stored account: its data plus what the service keeps about it. */
public record Account(
    UUID id, AccountData data, Instant createdAt, Instant updatedAt, long version) {

  public boolean isWritableBy(Actor actor) {
    if (actor.writesAll()) {
      return true;
    }
    return actor.isKam()
        && (actor.userId().equals(data.ownerId())
            || data.team().stream().anyMatch(m -> actor.userId().equals(m.userId())));
  }
}
