package io.kam.account.domain;

public enum Lifecycle {
  PROSPECT,
  CUSTOMER,
  FORMER_CUSTOMER
}
