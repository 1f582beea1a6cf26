package io.omendb.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare PostgreSQL simple-query client for tests that must see what pgjdbc hides: the command tag of each
 * statement (pgjdbc never exposes that COMMIT answered ROLLBACK) and the ReadyForQuery transaction status.
 */
final class PgWireProbe implements AutoCloseable {
  private static final int PROTOCOL_3_0 = 196608;
  private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

  /** What one simple Query produced: the command tags or the error's SQLSTATE, and the ReadyForQuery status. */
  record Reply(List<String> tags, String sqlState, char status) {}

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  PgWireProbe(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
    byte[] parameters = "user\0tester\0database\0omendb\0\0".getBytes(StandardCharsets.UTF_8);
    out.writeInt(Integer.BYTES * 2 + parameters.length);
    out.writeInt(PROTOCOL_3_0);
    out.write(parameters);
    out.flush();
    Reply startup = readUntilReady();
    if (startup.sqlState() != null) {
      throw new IOException("startup failed: " + startup.sqlState());
    }
  }

  /** Sends one simple Query and reads its replies up to ReadyForQuery. */
  Reply query(String sql) throws IOException {
    byte[] text = (sql + "\0").getBytes(StandardCharsets.UTF_8);
    out.writeByte('Q');
    out.writeInt(Integer.BYTES + text.length);
    out.write(text);
    out.flush();
    return readUntilReady();
  }

  private Reply readUntilReady() throws IOException {
    List<String> tags = new ArrayList<>();
    String sqlState = null;
    while (true) {
      int type = in.read();
      if (type < 0) {
        throw new EOFException("server closed the connection");
      }
      byte[] body = new byte[in.readInt() - Integer.BYTES];
      in.readFully(body);
      switch (type) {
        case 'C' -> tags.add(new String(body, 0, body.length - 1, StandardCharsets.UTF_8));
        case 'E' -> sqlState = errorField(body, 'C');
        case 'Z' -> {
          return new Reply(tags, sqlState, (char) body[0]);
        }
        default -> {
          // row descriptions, data rows, notices, parameter status, backend key data, authentication ok
        }
      }
    }
  }

  private static String errorField(byte[] body, char code) {
    int i = 0;
    while (i < body.length && body[i] != 0) {
      int end = i + 1;
      while (body[end] != 0) {
        end++;
      }
      if (body[i] == code) {
        return new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8);
      }
      i = end + 1;
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    try {
      out.writeByte('X');
      out.writeInt(Integer.BYTES);
      out.flush();
    } finally {
      socket.close();
    }
  }
}
