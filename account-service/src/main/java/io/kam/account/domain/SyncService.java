package io.kam.account.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.time.KamClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CRM sync: a batch of items matched by source + externalId, each a merge onto the stored account
 * (absent fields unchanged, null clears). Set-based: the keys are locked and loaded in one query
 * each, the tree rules are checked in memory over one ancestry query, and the writes go through
 * {@link AccountWriter} in one statement per table. A bad item rejects only itself; an item equal
 * to what is stored changes nothing.
 */
@ApplicationScoped
@Transactional
public class SyncService {

  private final AccountRepository accounts;
  private final AccountWriter writer;
  private final SyncTree tree;
  private final KamClock clock;

  public SyncService(
      AccountRepository accounts, AccountWriter writer, SyncTree tree, KamClock clock) {
    this.accounts = accounts;
    this.writer = writer;
    this.tree = tree;
    this.clock = clock;
  }

  /**
   * With {@code dryRun} everything runs as for real (locks, checks, the writes themselves) and the
   * transaction is then rolled back: the results are exactly what the batch would do now, and no
   * row, history, feed entry or event remains.
   */
  public List<SyncResult> sync(
      List<JsonNode> nodes, AccountJsonMapper mapper, Actor actor, boolean dryRun) {
    List<SyncResult> results = sync(nodes, mapper, actor);
    if (dryRun) {
      QuarkusTransaction.setRollbackOnly();
    }
    return results;
  }

  public List<SyncResult> sync(List<JsonNode> nodes, AccountJsonMapper mapper, Actor actor) {
    List<SyncItem> items = readKeys(nodes);
    Map<ExternalRef, SyncItem> byRef = new LinkedHashMap<>();
    items.stream().filter(SyncItem::ok).forEach(i -> byRef.put(i.ref, i));
    accounts.lockRefs(byRef.keySet());
    Map<ExternalRef, Account> stored = accounts.findByRefsForUpdate(byRef.keySet());
    for (SyncItem item : byRef.values()) {
      item.existing = stored.get(item.ref);
      if (!guard(item)) {
        continue;
      }
      if (item.delete) {
        if (item.existing == null) {
          item.status =
              SyncResult.Status.UNCHANGED; // nothing to delete: already gone or never known
        } else {
          item.id = item.existing.id();
        }
      } else {
        merge(item, mapper, clock.today());
      }
    }
    tree.resolve(items, byRef);
    return write(items, actor);
  }

  private static List<SyncItem> readKeys(List<JsonNode> nodes) {
    List<SyncItem> items = new ArrayList<>();
    Set<ExternalRef> seen = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      SyncItem item = new SyncItem(i, nodes.get(i));
      items.add(item);
      JsonNode n = item.node;
      if (n == null || !n.isObject()) {
        item.reject("item", "must be a JSON object");
        continue;
      }
      String source = SyncItem.text(n, "source");
      String externalId = SyncItem.text(n, "externalId");
      if (source == null || source.isBlank()) {
        item.reject("source", "must be a non-blank string");
      }
      if (externalId == null || externalId.isBlank()) {
        item.reject("externalId", "must be a non-blank string");
      }
      JsonNode deleted = n.get("deleted");
      if (deleted != null && !deleted.isBoolean() && !deleted.isNull()) {
        item.reject("deleted", "must be true or false");
      }
      JsonNode ifVersion = n.get("ifVersion");
      if (ifVersion != null
          && !ifVersion.isNull()
          && !(ifVersion.canConvertToLong()
              && ifVersion.isIntegralNumber()
              && ifVersion.asLong() >= 0)) {
        item.reject(
            "ifVersion", "must be a version (an integer, 0 for \"must not exist yet\") or null");
      }
      JsonNode parentRef = n.get("parentExternalId");
      if (parentRef != null && !parentRef.isTextual() && !parentRef.isNull()) {
        item.reject("parentExternalId", "must be a string or null");
      }
      if (!item.ok()) {
        continue;
      }
      item.ref = new ExternalRef(source, externalId);
      if (!seen.add(item.ref)) {
        item.reject("externalId", "appears earlier in this request; each key once per request");
        continue;
      }
      item.delete = deleted != null && deleted.asBoolean();
      item.ifVersion = ifVersion == null || ifVersion.isNull() ? null : ifVersion.asLong();
      item.parentExternalId = parentRef;
    }
    return items;
  }

  /**
   * The optional per-item concurrency guard: false (the item is a CONFLICT) when the stored account
   * is not at the version the partner expects, so a change made meanwhile is never overwritten.
   */
  private static boolean guard(SyncItem item) {
    if (item.ifVersion == null) {
      return true;
    }
    long current = item.existing == null ? 0 : item.existing.version();
    if (current == item.ifVersion) {
      return true;
    }
    item.conflict(
        item.existing == null
            ? "expected version " + item.ifVersion + ", but no live account has this key"
            : "expected version "
                + item.ifVersion
                + ", the account is at version "
                + current
                + " (changed meanwhile)");
    return false;
  }

  private static void merge(SyncItem item, AccountJsonMapper mapper, LocalDate today) {
    ObjectNode patch = ((ObjectNode) item.node).deepCopy();
    patch.remove(List.of("deleted", "parentExternalId", "ifVersion"));
    if (item.parentExternalId != null) {
      patch.remove("parentId"); // the CRM's key wins; resolved once the whole batch is known
    }
    JsonNode base =
        item.existing == null
            ? mapper.toJson(
                new AccountData(
                    null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null))
            : mapper.toJson(item.existing.data());
    AccountJsonMapper.Parsed parsed = mapper.fromJson(MergePatch.apply(base, patch));
    if (parsed.data() == null) {
      parsed.errors().forEach(e -> item.reject(e.field(), e.message()));
      return;
    }
    String dateProblem = AssessmentDate.problem(parsed.data(), today);
    if (dateProblem != null) {
      item.reject("assessedAt", dateProblem);
      return;
    }
    AccountData target =
        AssessmentDate.settle(
            parsed.data(), item.existing == null ? null : item.existing.data(), today);
    item.target =
        item.parentExternalId != null && item.parentExternalId.isNull()
            ? target.withParent(null)
            : target;
    item.id = item.existing == null ? UUID.randomUUID() : item.existing.id();
  }

  private List<SyncResult> write(List<SyncItem> items, Actor actor) {
    Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
    List<AccountChange> changes = new ArrayList<>();
    for (SyncItem item : items) {
      if (!item.ok()) {
        continue;
      }
      Account before = item.existing;
      if (item.delete) {
        changes.add(AccountChange.deleted(before, now));
        item.status = SyncResult.Status.DELETED;
        item.version = before.version() + 1;
      } else if (before == null) {
        changes.add(AccountChange.created(new Account(item.id, item.target, now, now, 1)));
        item.status = SyncResult.Status.CREATED;
        item.version = 1L;
      } else if (before.data().equals(item.target)) {
        item.status = SyncResult.Status.UNCHANGED;
      } else {
        changes.add(
            AccountChange.updated(
                before,
                new Account(item.id, item.target, before.createdAt(), now, before.version() + 1)));
        item.status = SyncResult.Status.UPDATED;
        item.version = before.version() + 1;
      }
    }
    writer.write(changes, actor.origin());
    return items.stream().map(SyncItem::result).toList();
  }
}
