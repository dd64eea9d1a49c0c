package io.kam.demo.load;

import io.kam.demo.portfolio.DemoAccount;
import io.kam.demo.portfolio.DemoContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Syncs each account's stakeholders with {@code PUT /api/v1/sync/contacts} and the integration key
 * alone, keyed like a CRM does: the account's source, {@code <account externalId>/<contact key>},
 * the account by its external key, the manager by its contact key ({@code reportsToExternalId}). A
 * manager comes before its reports in an account's list, so it is in the same batch or an earlier
 * one. A second run answers UNCHANGED and adds nothing.
 */
public final class ContactLoader {

  /** One contact with the account it belongs to. */
  public record Item(DemoAccount account, DemoContact contact) {}

  private final BulkLoader bulk;

  public ContactLoader(BulkLoader bulk) {
    this.bulk = bulk;
  }

  /** {@code synced}: the sync outcome of each account, by external id (others are skipped). */
  public void load(List<DemoAccount> accounts, Map<String, BulkLoader.Outcome> synced, Tally tally)
      throws Gateway.UnreachableException, InterruptedException {
    List<Item> items = new ArrayList<>();
    for (DemoAccount a : accounts) {
      BulkLoader.Outcome o = synced.get(a.externalId());
      if (o != null && o.id() != null) {
        a.contacts().forEach(c -> items.add(new Item(a, c)));
      }
    }
    bulk.load(
        "/api/v1/sync/contacts", "contacts", items, Payloads::contact, Batches.ACCOUNTS, tally);
  }

  /** The contact's key in the demo CRM: unique per account key and contact key. */
  static String externalId(DemoAccount a, String contactKey) {
    return a.externalId() + "/" + contactKey;
  }
}
