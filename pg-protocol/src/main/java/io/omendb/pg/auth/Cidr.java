package io.omendb.pg.auth;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address range in CIDR notation, {@code 10.0.0.0/8} or {@code ::1/128}; a bare address means just that address.
 *
 * @param network the network address bytes (4 for IPv4, 16 for IPv6), host bits zero
 * @param prefixLength how many leading bits must match
 */
public record Cidr(byte[] network, int prefixLength) {
  public Cidr {
    network = requireNonNull(network, "network").clone();
    if (network.length != 4 && network.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes: " + network.length);
    }
    if (prefixLength < 0 || prefixLength > network.length * Byte.SIZE) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    network = mask(network, prefixLength);
  }

  /**
   * Parses {@code address/prefix} or a bare address; only numeric addresses, never host names (no DNS look-ups).
   *
   * @throws IllegalArgumentException if malformed
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      throw new IllegalArgumentException("invalid IP address \"" + address + "\" (host names are not accepted)");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IP address \"" + address + "\"");
    }
    int prefix = bytes.length * Byte.SIZE;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid CIDR mask in address \"" + text + "\"");
      }
      if (prefix < 0 || prefix > bytes.length * Byte.SIZE) {
        throw new IllegalArgumentException("invalid CIDR mask in address \"" + text + "\"");
      }
    }
    return new Cidr(bytes, prefix);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  /** Whether {@code address} lies in this range; IPv4 and IPv6 ranges never match each other's addresses. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
  }

  /** Whether every address in the range is a loopback address. */
  public boolean isLoopbackOnly() {
    return network.length == 4 ? network[0] == 127 && prefixLength >= 8 : prefixLength == 128 && isIpv6Loopback();
  }

  private boolean isIpv6Loopback() {
    for (int i = 0; i < 15; i++) {
      if (network[i] != 0) {
        return false;
      }
    }
    return network[15] == 1;
  }

  private static byte[] mask(byte[] address, int prefixLength) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int bits = Math.max(0, Math.min(Byte.SIZE, prefixLength - i * Byte.SIZE));
      masked[i] &= (byte) (0xFF00 >> bits);
    }
    return masked;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
