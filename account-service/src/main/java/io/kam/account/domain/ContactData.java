package io.kam.account.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What a client sets on a contact. */
public record ContactData(
    String name,
    String title,
    String email,
    String phone,
    BuyingRole buyingRole,
    Integer influence,
    Integer relationshipStrength,
    UUID reportsToContactId) {

  ContactData withReportsTo(UUID manager) {
    return new ContactData(
        name, title, email, phone, buyingRole, influence, relationshipStrength, manager);
  }

  Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("title", title);
    m.put("email", email);
    m.put("phone", phone);
    m.put("buyingRole", buyingRole);
    m.put("influence", influence);
    m.put("relationshipStrength", relationshipStrength);
    m.put("reportsToContactId", reportsToContactId);
    return m;
  }
}
