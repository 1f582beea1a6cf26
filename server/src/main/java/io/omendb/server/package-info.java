/** The composition root: the {@code omendb} command line, configuration and the server's life cycle. */
package io.omendb.server;
