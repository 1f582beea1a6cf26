package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

/**
 * Runs a portal, returning at most {@code maxRows} rows; if rows remain, the server answers PortalSuspended and a
 * later Execute continues.
 *
 * @param portal the portal's name; empty for the unnamed portal
 * @param maxRows the most rows to return, 0 for no limit
 */
public record Execute(String portal, int maxRows) implements FrontendMessage {
  public Execute {
    requireNonNull(portal, "portal");
  }
}
