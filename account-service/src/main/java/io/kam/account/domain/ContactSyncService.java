package io.kam.account.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.chassis.http.MergePatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Contact sync: a batch of stakeholders matched by the partner's source + externalId, each under an
 * account named by its external key, each a merge onto the stored contact (absent fields unchanged,
 * null clears). Same per-item results as the account sync; a bad item rejects only itself. The
 * keys, then the accounts (as the contact API does), then the stored contacts are locked, so the
 * org-chart checks see a stable set; writes go through {@link ContactWriter}.
 */
@ApplicationScoped
@Transactional
public class ContactSyncService {

  private static final List<String> CONTROL =
      List.of(
          "source",
          "externalId",
          "accountSource",
          "accountExternalId",
          "deleted",
          "ifVersion",
          "reportsToExternalId");

  private final AccountRepository accounts;
  private final ContactSyncStore store;
  private final ContactOrgChart orgChart;
  private final ContactWriter writer;

  public ContactSyncService(
      AccountRepository accounts,
      ContactSyncStore store,
      ContactOrgChart orgChart,
      ContactWriter writer) {
    this.accounts = accounts;
    this.store = store;
    this.orgChart = orgChart;
    this.writer = writer;
  }

  /** With {@code dryRun}, everything runs and is then rolled back (see {@link SyncService}). */
  public List<SyncResult> sync(
      List<JsonNode> nodes, ContactJsonMapper mapper, Actor actor, boolean dryRun) {
    List<ContactSyncItem> items = readKeys(nodes);
    Map<ExternalRef, ContactSyncItem> byRef = new LinkedHashMap<>();
    items.stream().filter(ContactSyncItem::ok).forEach(i -> byRef.put(i.ref, i));
    store.lockRefs(byRef.keySet());
    Map<ExternalRef, ContactSyncStore.Stored> stored = store.byRefs(byRef.keySet());
    Set<ExternalRef> accountRefs = new HashSet<>();
    byRef.values().stream()
        .filter(i -> i.accountRef != null)
        .forEach(i -> accountRefs.add(i.accountRef));
    Map<ExternalRef, UUID> accountIds = accounts.idsByRefs(accountRefs);
    Set<UUID> involved = new HashSet<>(accountIds.values());
    stored.values().forEach(s -> involved.add(s.accountId()));
    store.lockAccounts(involved);
    Set<UUID> storedIds = new HashSet<>();
    stored.values().forEach(s -> storedIds.add(s.id()));
    Map<UUID, Contact> rows = store.forUpdate(storedIds);
    Set<UUID> liveAccounts = accounts.live(involved);
    for (ContactSyncItem item : byRef.values()) {
      ContactSyncStore.Stored s = stored.get(item.ref);
      item.existing = s == null ? null : rows.get(s.id());
      if (guard(item) && account(item, accountIds, liveAccounts)) {
        if (item.delete) {
          item.id = item.existing == null ? null : item.existing.id;
          if (item.existing == null) {
            item.status = SyncResult.Status.UNCHANGED; // nothing to delete
          }
        } else {
          merge(item, mapper);
        }
      }
    }
    orgChart.resolve(items, byRef);
    List<SyncResult> results = writer.write(items, actor.origin());
    if (dryRun) {
      QuarkusTransaction.setRollbackOnly();
    }
    return results;
  }

  private static List<ContactSyncItem> readKeys(List<JsonNode> nodes) {
    List<ContactSyncItem> items = new ArrayList<>();
    Set<ExternalRef> seen = new HashSet<>();
    for (JsonNode n : nodes) {
      ContactSyncItem item = new ContactSyncItem(n);
      items.add(item);
      if (n == null || !n.isObject()) {
        item.reject("item", "must be a JSON object");
        continue;
      }
      String source = SyncItem.text(n, "source");
      String externalId = SyncItem.text(n, "externalId");
      requireText(item, "source", source, true);
      requireText(item, "externalId", externalId, true);
      String accountSource = SyncItem.text(n, "accountSource");
      String accountExternalId = SyncItem.text(n, "accountExternalId");
      requireText(item, "accountSource", n.get("accountSource"), false);
      requireText(item, "accountExternalId", n.get("accountExternalId"), false);
      JsonNode deleted = n.get("deleted");
      if (deleted != null && !deleted.isBoolean() && !deleted.isNull()) {
        item.reject("deleted", "must be true or false");
      }
      JsonNode ifVersion = n.get("ifVersion");
      if (ifVersion != null
          && !ifVersion.isNull()
          && !(ifVersion.isIntegralNumber()
              && ifVersion.canConvertToLong()
              && ifVersion.asLong() >= 0)) {
        item.reject(
            "ifVersion", "must be a version (an integer, 0 for \"must not exist yet\") or null");
      }
      JsonNode reportsTo = n.get("reportsToExternalId");
      if (reportsTo != null
          && !reportsTo.isNull()
          && !(reportsTo.isTextual() && !reportsTo.asText().isBlank())) {
        item.reject("reportsToExternalId", "must be a non-blank string or null");
      }
      if (n.has("reportsToContactId")) {
        item.reject(
            "reportsToContactId", "not in a sync item: name the manager by reportsToExternalId");
      }
      // Keys are bounded like the account's (and stay far below the index's row size limit).
      maxLength(item, n, "source", 100);
      maxLength(item, n, "externalId", 200);
      maxLength(item, n, "accountSource", 100);
      maxLength(item, n, "accountExternalId", 200);
      maxLength(item, n, "reportsToExternalId", 200);
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
      item.reportsTo = reportsTo;
      if (accountExternalId != null) {
        item.accountRef =
            new ExternalRef(accountSource != null ? accountSource : source, accountExternalId);
      } else if (accountSource != null) {
        item.reject("accountExternalId", "required with accountSource");
      }
    }
    return items;
  }

  private static void requireText(
      ContactSyncItem item, String field, Object value, boolean required) {
    if (value instanceof JsonNode node) {
      if (!node.isNull() && !(node.isTextual() && !node.asText().isBlank())) {
        item.reject(field, "must be a non-blank string");
      }
    } else if (required && (value == null || ((String) value).isBlank())) {
      item.reject(field, "must be a non-blank string");
    }
  }

  private static void maxLength(ContactSyncItem item, JsonNode n, String field, int max) {
    JsonNode v = n.get(field);
    if (v != null && v.isTextual() && v.asText().length() > max) {
      item.reject(field, "at most " + max + " characters");
    }
  }

  /** The optional concurrency guard, as in the account sync (0: the key must be new). */
  private static boolean guard(ContactSyncItem item) {
    if (item.ifVersion == null) {
      return true;
    }
    long current = item.existing == null ? 0 : item.existing.version;
    if (current != item.ifVersion) {
      item.conflict(
          item.existing == null
              ? "expected version " + item.ifVersion + ", but no contact has this key"
              : "expected version "
                  + item.ifVersion
                  + ", the contact is at version "
                  + current
                  + " (changed meanwhile)");
    }
    return item.ok();
  }

  /** The account the contact belongs to: named by key (live), or the stored contact's. */
  private static boolean account(
      ContactSyncItem item, Map<ExternalRef, UUID> accountIds, Set<UUID> live) {
    if (item.accountRef == null) {
      if (item.existing == null && !item.delete) {
        item.reject("accountExternalId", "required for a new contact: the account's external key");
      }
      item.accountId = item.existing == null ? null : item.existing.accountId;
      if (item.existing != null && !item.delete && !live.contains(item.accountId)) {
        item.reject("accountExternalId", "the contact's account is deleted");
      }
      return item.ok();
    }
    UUID named = accountIds.get(item.accountRef);
    if (named == null) {
      item.reject(
          "accountExternalId",
          "no live account "
              + item.accountRef.externalId()
              + " in source "
              + item.accountRef.source());
    } else if (item.existing != null && !item.existing.accountId.equals(named)) {
      item.reject(
          "accountExternalId",
          "the contact belongs to another account; delete it there and create it under this one");
    } else if (item.existing != null && !live.contains(named)) {
      item.reject("accountExternalId", "the account is deleted");
    }
    item.accountId = named;
    return item.ok();
  }

  private static void merge(ContactSyncItem item, ContactJsonMapper mapper) {
    ObjectNode patch = ((ObjectNode) item.node).deepCopy();
    patch.remove(CONTROL);
    ObjectNode base =
        item.existing == null
            ? mapper.toJson(new ContactData(null, null, null, null, null, null, null, null))
            : mapper.toJson(item.existing.data());
    base.remove("reportsToContactId");
    ContactJsonMapper.Parsed parsed = mapper.fromJson(MergePatch.apply(base, patch));
    if (parsed.data() == null) {
      parsed.errors().forEach(e -> item.reject(e.field(), e.message()));
      return;
    }
    UUID manager = item.existing == null ? null : item.existing.reportsToContactId;
    item.target =
        parsed
            .data()
            .withReportsTo(item.reportsTo != null && item.reportsTo.isNull() ? null : manager);
    item.id = item.existing == null ? UUID.randomUUID() : item.existing.id;
  }
}
