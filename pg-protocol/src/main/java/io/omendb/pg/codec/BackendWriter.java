package io.omendb.pg.codec;

import static java.util.Objects.requireNonNull;

import io.omendb.pg.message.BackendMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes server messages to a connection's output stream through a buffer; nothing reaches the client until
 * {@link #flush()}, which the server calls at the end of each response (ReadyForQuery) so that a query's messages
 * travel in as few packets as possible. Not thread-safe.
 */
public final class BackendWriter {
  private static final int STREAM_BUFFER_SIZE = 16 * 1024;

  private final OutputStream out;
  private final MessageBuffer buffer = new MessageBuffer();

  public BackendWriter(OutputStream out) {
    this.out = new BufferedOutputStream(requireNonNull(out, "out"), STREAM_BUFFER_SIZE);
  }

  /** Queues one message. */
  public BackendWriter send(BackendMessage message) throws IOException {
    BackendEncoder.encode(message, buffer);
    buffer.drainTo(out);
    return this;
  }

  /** Queues a single raw byte, as the answer to an SSLRequest or GSSENCRequest is. */
  public BackendWriter sendByte(byte value) throws IOException {
    out.write(value);
    return this;
  }

  /** Sends everything queued. */
  public void flush() throws IOException {
    out.flush();
  }
}
