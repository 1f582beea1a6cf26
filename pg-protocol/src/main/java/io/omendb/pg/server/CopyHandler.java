package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.CopyIn;
import io.omendb.adapter.CopyOut;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.codec.Frame;
import io.omendb.pg.codec.FrameReader;
import io.omendb.pg.codec.FrontendDecoder;
import io.omendb.pg.codec.ProtocolViolationException;
import io.omendb.pg.message.CommandComplete;
import io.omendb.pg.message.CopyData;
import io.omendb.pg.message.CopyDone;
import io.omendb.pg.message.CopyFail;
import io.omendb.pg.message.CopyInResponse;
import io.omendb.pg.message.CopyOutResponse;
import io.omendb.pg.message.Flush;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.Sync;
import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The COPY sub-protocol of a simple Query: CopyOutResponse then one CopyData per row and CopyDone for
 * {@code TO STDOUT}; CopyInResponse, then the client's CopyData until CopyDone (commit) or CopyFail (roll back) for
 * {@code FROM STDIN}. Rows are decoded and inserted as the data arrives. A bad row fails the whole COPY with its line
 * number.
 */
final class CopyHandler {
  private static final byte TEXT = 0;

  private final FrameReader in;
  private final BackendWriter out;

  CopyHandler(FrameReader in, BackendWriter out) {
    this.in = requireNonNull(in, "in");
    this.out = requireNonNull(out, "out");
  }

  /** Streams a COPY TO STDOUT and ends it with CommandComplete. */
  void copyOut(CopyOut copy) throws IOException, SQLException {
    out.send(new CopyOutResponse(TEXT, Collections.nCopies(copy.columns().size(), (short) TEXT)));
    CopyDataEncoder encoder = new CopyDataEncoder(copy.format(), copy.columns());
    if (copy.format().header()) {
      out.send(new CopyData(encoder.header(copy.columns())));
    }
    for (Object[] row = copy.next(); row != null; row = copy.next()) {
      out.send(new CopyData(encoder.row(row)));
    }
    out.send(new CopyDone());
    copy.close();
    out.send(new CommandComplete(copy.commandTag()));
  }

  /**
   * Receives a COPY FROM STDIN and ends it with CommandComplete.
   *
   * @throws SQLException for a bad row (22P04 and the like, with its line number) or CopyFail (57014); the COPY is
   *     rolled back
   */
  void copyIn(CopyIn copy) throws IOException, SQLException {
    out.send(new CopyInResponse(TEXT, Collections.nCopies(copy.columns().size(), (short) TEXT))).flush();
    CopyDataDecoder decoder = new CopyDataDecoder(copy.format());
    try {
      while (true) {
        Frame frame = in.readFrame();
        if (frame == null) {
          throw new EOFException("client disconnected during COPY");
        }
        FrontendMessage message = FrontendDecoder.decode(frame);
        if (message instanceof CopyData data) {
          decoder.feed(data.data(), copy::insert);
        } else if (message instanceof CopyDone) {
          decoder.finish(copy::insert);
          copy.close();
          out.send(new CommandComplete(copy.commandTag()));
          return;
        } else if (message instanceof CopyFail fail) {
          throw new SQLException("COPY from stdin failed: " + fail.reason(), SqlState.QUERY_CANCELED.code());
        } else if (!(message instanceof Flush || message instanceof Sync)) {
          throw new ProtocolViolationException(
              "unexpected message type " + message.getClass().getSimpleName() + " during COPY from stdin");
        }
      }
    } catch (CopyDataDecoder.BadRowException e) {
      copy.abort();
      throw new SQLException(e.getMessage() + " (COPY data line " + decoder.line() + ")",
          SqlState.BAD_COPY_FILE_FORMAT.code());
    } catch (SQLException e) {
      copy.abort();
      if (SqlState.QUERY_CANCELED.code().equals(e.getSQLState())) {
        throw e;
      }
      throw new SQLException(e.getMessage() + " (COPY data line " + decoder.line() + ")",
          e.getSQLState(), e);
    } catch (IOException | RuntimeException e) {
      copy.abort();
      throw e;
    }
  }
}
