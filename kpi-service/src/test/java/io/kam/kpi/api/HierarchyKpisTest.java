package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** includeChildren pools the current subtree; the wallet stays the parent's. */
@QuarkusTest
class HierarchyKpisTest {

  /**
   * Parent (wallet 10000): A 1000 in 2026-05 and 1000 in 2026-08. Child: B 600 in 2026-08, and a
   * grandchild: B 400 in 2026-09. Pooled Q3 = 1000 + 600 + 400 = 2000, Q2 = 1000 -> growth 1; B is
   * new for the pooled subtree (the subtree had revenue before) -> ["B"]; shareOfWallet = t12m 3000
   * / 10000 = 0.3. NPS: parent 9, child 3 -> (1 - 1)/2 = 0. Alone, the parent has Q3 = 1000, no new
   * lines, share 0.2, nps 100.
   */
  @Test
  void includeChildrenPoolsTheSubtreeWithTheParentsWallet() {
    TestAccount parent = anAccount().withWallet("10000").create();
    TestAccount child = anAccount().withWallet("1").childOf(parent).create();
    TestAccount grandchild = anAccount().childOf(child).create();
    Api.putLines(
        line(parent.id(), "2026-05-01", "A", "1000"),
        line(parent.id(), "2026-08-01", "A", "1000"),
        line(child.id(), "2026-08-01", "B", "600"),
        line(grandchild.id(), "2026-09-01", "B", "400"));
    Api.putSurveys(
        nps(parent.id(), "2026-08-01T00:00:00Z", 9), nps(child.id(), "2026-08-01T00:00:00Z", 3));

    JsonPath pooled = Api.kpisWithChildren(parent.id(), "2026-Q3");
    assertValue(pooled, "revenue", "2000");
    assertValue(pooled, "revenueGrowth", "1");
    assertEquals(List.of("B"), pooled.getList("newProductLines"));
    assertValue(pooled, "shareOfWallet", "0.3");
    assertValue(pooled, "nps", "0");

    JsonPath alone = Api.kpis(parent.id(), "2026-Q3");
    assertValue(alone, "revenue", "1000");
    assertEquals(List.of(), alone.getList("newProductLines"));
    assertValue(alone, "shareOfWallet", "0.2");
    assertValue(alone, "nps", "100");

    grandchild.delete();
    assertValue(Api.kpisWithChildren(parent.id(), "2026-Q3"), "revenue", "1600");
  }
}
