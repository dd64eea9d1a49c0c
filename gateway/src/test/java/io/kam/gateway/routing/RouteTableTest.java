package io.kam.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  @Test
  void theMostSpecificRouteWins() {
    assertEquals(Optional.of("gateway"), RouteTable.ownerOf("/api/v1/accounts/a-1/overview"));
    assertEquals(Optional.of("scoring"), RouteTable.ownerOf("/api/v1/accounts/a-1/score"));
    assertEquals(Optional.of("scoring"), RouteTable.ownerOf("/api/v1/accounts/a-1/score/history"));
    assertEquals(Optional.of("kpi"), RouteTable.ownerOf("/api/v1/accounts/a-1/kpis"));
    assertEquals(Optional.of("kpi"), RouteTable.ownerOf("/api/v1/kpis"));
    assertEquals(Optional.of("account"), RouteTable.ownerOf("/api/v1/accounts/a-1/contacts"));
    assertEquals(Optional.of("account"), RouteTable.ownerOf("/api/v1/accounts/a-1"));
    assertEquals(Optional.of("account"), RouteTable.ownerOf("/api/v1/accounts"));
    assertEquals(Optional.of("scoring"), RouteTable.ownerOf("/api/v1/portfolio/summary/movements"));
  }

  @Test
  void literalRoutesAndUnknownPaths() {
    assertEquals(Optional.of("gateway"), RouteTable.ownerOf("/api/v1/me"));
    assertEquals(Optional.empty(), RouteTable.ownerOf("/api/v1/meh"));
    assertEquals(Optional.of("planning"), RouteTable.ownerOf("/api/v1/admin/planning/replay"));
    assertEquals(Optional.empty(), RouteTable.ownerOf("/api/v1/admin/unknown/replay"));
    assertEquals(Optional.empty(), RouteTable.ownerOf("/api/v2/accounts"));
  }
}
