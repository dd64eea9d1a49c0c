package io.kam.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {

  private static boolean isPublic(String ip) throws Exception {
    return TargetPolicy.isPublic(InetAddress.getByName(ip));
  }

  @Test
  void refusesLoopbackPrivateLinkLocalAndReservedAddresses() throws Exception {
    for (String ip :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "0.0.0.0",
          "100.64.0.1",
          "224.0.0.1",
          "255.255.255.255",
          "::1",
          "fe80::1",
          "fc00::1",
          "fd12::1",
          "::ffff:10.0.0.1",
          "::ffff:127.0.0.1",
          "::"
        }) {
      assertFalse(isPublic(ip), ip);
    }
  }

  @Test
  void acceptsPublicAddresses() throws Exception {
    for (String ip : new String[] {"8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.216.34"}) {
      assertTrue(isPublic(ip), ip);
    }
  }
}
