/**
 * The PostgreSQL v3 wire format: framing with size limits ({@link io.omendb.pg.codec.FrameReader}), the message
 * type bytes and startup codes in one place ({@link io.omendb.pg.codec.MessageType}), and encoders and decoders
 * between frames and the records of {@code io.omendb.pg.message}, in both directions so tests and tools can play
 * the client.
 *
 * <p>Malformed input is reported as {@link io.omendb.pg.codec.ProtocolViolationException}; mapping it to SQLSTATE
 * 08P01 is the server's business. This package depends on the JDK and {@code io.omendb.pg.message} only.
 */
package io.omendb.pg.codec;
