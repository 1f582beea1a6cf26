package io.omendb.pg.message;

/** An Execute reached its row limit and the portal has more rows. */
public record PortalSuspended() implements BackendMessage {}
