package io.kam.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An address range such as 10.0.0.0/8 or fd00::/8 (a bare address is a range of one). */
public record Cidr(byte[] network, int prefixBits) {

  public static Cidr parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    byte[] address = literal(slash < 0 ? t : t.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
    }
    int bits = slash < 0 ? address.length * 8 : Integer.parseInt(t.substring(slash + 1));
    if (bits < 0 || bits > address.length * 8) {
      throw new IllegalArgumentException("prefix length out of range: " + text);
    }
    return new Cidr(address, bits);
  }

  public boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int full = prefixBits / 8;
    if (!Arrays.equals(network, 0, full, address, 0, full)) {
      return false;
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xff << (8 - rest) & 0xff;
    return (network[full] & mask) == (address[full] & mask);
  }

  /**
   * The bytes of an IP literal, or null when the text is not one. Never resolves a name: only
   * digits, dots, hex and colons get as far as InetAddress, which then parses without DNS.
   */
  public static byte[] literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    String t =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean colon = t.indexOf(':') >= 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok =
          c == '.'
              || c == ':'
              || (c >= '0' && c <= '9')
              || (colon && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return null;
      }
    }
    if (!colon && t.chars().filter(c -> c == '.').count() != 3) {
      return null;
    }
    try {
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
