package io.omendb.pg.server;

import io.omendb.pg.codec.BackendDecoder;
import io.omendb.pg.codec.Frame;
import io.omendb.pg.codec.FrameReader;
import io.omendb.pg.codec.FrontendEncoder;
import io.omendb.pg.message.BackendMessage;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.StartupMessage;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal PostgreSQL client over a raw socket, built on the codec, for server tests at the message level. */
final class RawClient implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final FrameReader in;
  private final OutputStream out;

  RawClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    in = FrameReader.create(new BufferedInputStream(socket.getInputStream()));
    out = socket.getOutputStream();
  }

  void send(FrontendMessage message) throws IOException {
    sendRaw(FrontendEncoder.toBytes(message));
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void sendRaw(int... bytes) throws IOException {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    sendRaw(data);
  }

  /** The next message from the server. */
  BackendMessage read() throws IOException {
    Frame frame = in.readFrame();
    if (frame == null) {
      throw new EOFException("server closed the connection");
    }
    return BackendDecoder.decode(frame);
  }

  /** The single-byte answer to an SSLRequest or GSSENCRequest. */
  byte readByte() throws IOException {
    return in.readByte();
  }

  /** Messages up to and including the next ReadyForQuery. */
  List<BackendMessage> readUntilReady() throws IOException {
    List<BackendMessage> messages = new ArrayList<>();
    BackendMessage message;
    do {
      message = read();
      messages.add(message);
    } while (!(message instanceof ReadyForQuery));
    return messages;
  }

  /** Sends a 3.0 StartupMessage for {@code user} and returns the server's answer up to ReadyForQuery. */
  List<BackendMessage> startup(String user) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", user);
    parameters.put("database", "testdb");
    parameters.put("application_name", "raw-client");
    parameters.put("client_encoding", "UTF8");
    send(StartupMessage.create(parameters));
    return readUntilReady();
  }

  /** Sends a simple Query and returns the server's answer up to ReadyForQuery. */
  List<BackendMessage> query(String sql) throws IOException {
    send(new Query(sql));
    return readUntilReady();
  }

  /** Whether the server has closed the connection (reads end of stream), waiting up to the read timeout. */
  boolean serverClosed() throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketException e) {
      return true;
    }
  }

  /** The underlying socket, e.g. to start TLS on it after an SSLRequest. */
  Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
