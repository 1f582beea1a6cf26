package io.omendb.pg.auth;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.users.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The server side of one SCRAM-SHA-256 exchange as PostgreSQL speaks it (RFC 5802, RFC 7677), in its first state:
 * waiting for the client-first-message. {@link #receiveClientFirst} returns the next state, a {@link Challenge}
 * waiting for the client-final-message, whose {@link Challenge#receiveClientFinal} returns the server-final-message.
 * Each state answers once, so no step can be replayed or taken out of order.
 *
 * <p>The user name inside the SCRAM messages is ignored (PostgreSQL clients send an empty one or {@code *}): the
 * user is the one from the startup message. An unknown user, a user without a password and an expired password all
 * run a complete mock exchange with a salt derived from a server secret, and fail only at the proof, exactly like a
 * wrong password, so that a client cannot tell which users exist.
 */
public final class ScramExchange {
  /** PostgreSQL's SCRAM_RAW_NONCE_LEN. */
  private static final int SERVER_NONCE_BYTES = 18;
  private static final int MOCK_SALT_BYTES = 16;
  private static final int PROOF_BYTES = 32;
  private static final String CHANNEL_BINDING_TYPE = "tls-server-end-point";

  private final ScramVerifier verifier;
  private final boolean doomed;
  private final String doomedReason;
  private final Optional<byte[]> channelBinding;
  private final SecureRandom random;
  private boolean used;

  private ScramExchange(ScramVerifier verifier, boolean doomed, String doomedReason, Optional<byte[]> channelBinding,
      SecureRandom random) {
    this.verifier = verifier;
    this.doomed = doomed;
    this.doomedReason = doomedReason;
    this.channelBinding = channelBinding;
    this.random = random;
  }

  /**
   * Starts an exchange.
   *
   * @param user the user from the startup message, used only to derive the mock salt
   * @param verifier the user's stored verifier, or empty if the user is unknown, has no password or may not use it
   *     now; the exchange then runs to the end and fails
   * @param whyNoVerifier for the server log when {@code verifier} is empty (never sent to the client)
   * @param channelBinding the tls-server-end-point hash of the server certificate when the connection is on TLS,
   *     which offers SCRAM-SHA-256-PLUS; empty in plain text
   * @param mockSecret a per-server random secret that makes mock salts stable for a user but unpredictable
   */
  public static ScramExchange begin(String user, Optional<ScramVerifier> verifier, String whyNoVerifier,
      Optional<byte[]> channelBinding, byte[] mockSecret, SecureRandom random) {
    requireNonNull(user, "user");
    requireNonNull(verifier, "verifier");
    requireNonNull(channelBinding, "channelBinding");
    requireNonNull(mockSecret, "mockSecret");
    requireNonNull(random, "random");
    if (verifier.isPresent()) {
      return new ScramExchange(verifier.get(), false, null, channelBinding, random);
    }
    byte[] salt = new byte[MOCK_SALT_BYTES];
    System.arraycopy(ScramVerifier.hmac(mockSecret, "mock salt:" + user), 0, salt, 0, MOCK_SALT_BYTES);
    byte[] keys = new byte[2 * PROOF_BYTES];
    random.nextBytes(keys);
    Base64.Encoder b64 = Base64.getEncoder();
    ScramVerifier mock = ScramVerifier.parse("SCRAM-SHA-256$" + ScramVerifier.DEFAULT_ITERATIONS + ":"
        + b64.encodeToString(salt) + "$" + b64.encodeToString(java.util.Arrays.copyOf(keys, PROOF_BYTES)) + ":"
        + b64.encodeToString(java.util.Arrays.copyOfRange(keys, PROOF_BYTES, 2 * PROOF_BYTES)));
    return new ScramExchange(mock, true, requireNonNull(whyNoVerifier, "whyNoVerifier"), channelBinding, random);
  }

  /** The mechanisms to offer in AuthenticationSASL, preferred first: -PLUS only on TLS. */
  public List<String> mechanisms() {
    List<String> names = new ArrayList<>();
    if (channelBinding.isPresent()) {
      names.add(ScramMechanism.SCRAM_SHA_256_PLUS.saslName());
    }
    names.add(ScramMechanism.SCRAM_SHA_256.saslName());
    return names;
  }

  /**
   * Takes the SASLInitialResponse.
   *
   * @return the next state, holding the server-first-message to send
   * @throws ScramException PROTOCOL for an unknown mechanism, a malformed message or a channel binding mismatch
   * @throws IllegalStateException if called twice
   */
  public Challenge receiveClientFirst(String mechanismName, byte[] clientFirst) throws ScramException {
    if (used) {
      throw new IllegalStateException("client-first-message already received");
    }
    used = true;
    ScramMechanism mechanism = ScramMechanism.bySaslName(mechanismName)
        .filter(m -> m == ScramMechanism.SCRAM_SHA_256 || channelBinding.isPresent())
        .orElseThrow(() -> ScramException.protocol(
            "client selected an invalid SASL authentication mechanism"));
    if (clientFirst == null) {
      throw ScramException.protocol("malformed SCRAM message (the client-first-message is missing)");
    }
    ScramCursor in = new ScramCursor(new String(clientFirst, StandardCharsets.UTF_8));
    String gs2Header = readGs2Header(in, mechanism);
    String clientFirstBare = in.rest();
    in.expectAttribute('n');
    in.readValue(); // the SCRAM user name: PostgreSQL uses the startup message's user instead
    in.expectComma();
    in.expectAttribute('r');
    String clientNonce = in.readValue();
    if (clientNonce.isEmpty() || !ScramCursor.isPrintable(clientNonce)) {
      throw ScramException.protocol("malformed SCRAM message (invalid client nonce)");
    }
    while (in.hasMore()) {
      in.expectComma();
      if (in.peek() == 'm') {
        throw ScramException.protocol("client requires an unsupported SCRAM extension");
      }
      in.readAttribute();
      in.readValue();
    }
    byte[] nonceBytes = new byte[SERVER_NONCE_BYTES];
    random.nextBytes(nonceBytes);
    String nonce = clientNonce + Base64.getEncoder().encodeToString(nonceBytes);
    String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
        + verifier.iterations();
    return new Challenge(mechanism, gs2Header, clientFirstBare, serverFirst, nonce);
  }

  private String readGs2Header(ScramCursor in, ScramMechanism mechanism) throws ScramException {
    char flag = in.next();
    switch (flag) {
      case 'p':
        if (mechanism != ScramMechanism.SCRAM_SHA_256_PLUS) {
          throw ScramException.protocol("malformed SCRAM message (the client selected SCRAM-SHA-256 without"
              + " channel binding, but the SCRAM message includes channel binding data)");
        }
        in.expect('=');
        String type = in.readValue();
        if (!CHANNEL_BINDING_TYPE.equals(type)) {
          throw ScramException.protocol("unsupported SCRAM channel-binding type");
        }
        break;
      case 'y':
        if (channelBinding.isPresent()) {
          // A client that supports binding thinks we do not: someone stripped -PLUS from our offer.
          throw ScramException.protocol("SCRAM channel binding negotiation error (the client supports SCRAM"
              + " channel binding but thinks the server does not; however, this server does support it)");
        }
        requireUnbound(mechanism);
        break;
      case 'n':
        requireUnbound(mechanism);
        break;
      default:
        throw ScramException.protocol("malformed SCRAM message (unexpected channel-binding flag)");
    }
    in.expectComma();
    if (in.peek() == 'a') {
      throw ScramException.protocol("client uses authorization identity, but it is not supported");
    }
    in.expectComma();
    return in.consumed();
  }

  private static void requireUnbound(ScramMechanism mechanism) throws ScramException {
    if (mechanism == ScramMechanism.SCRAM_SHA_256_PLUS) {
      throw ScramException.protocol("malformed SCRAM message (the client selected SCRAM-SHA-256-PLUS, but the"
          + " SCRAM message does not include channel binding data)");
    }
  }

  /** The state after the server-first-message: waiting for the client's proof. */
  public final class Challenge {
    private final ScramMechanism mechanism;
    private final String gs2Header;
    private final String clientFirstBare;
    private final String serverFirst;
    private final String nonce;
    private boolean used;

    private Challenge(ScramMechanism mechanism, String gs2Header, String clientFirstBare, String serverFirst,
        String nonce) {
      this.mechanism = mechanism;
      this.gs2Header = gs2Header;
      this.clientFirstBare = clientFirstBare;
      this.serverFirst = serverFirst;
      this.nonce = nonce;
    }

    /** The mechanism the client chose. */
    public ScramMechanism mechanism() {
      return mechanism;
    }

    /** The server-first-message, to send in AuthenticationSASLContinue. */
    public byte[] serverFirstMessage() {
      return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Takes the SASLResponse and checks the proof.
     *
     * @return the server-final-message, to send in AuthenticationSASLFinal
     * @throws ScramException PROTOCOL for a malformed message, a wrong nonce or channel binding; AUTHENTICATION_FAILED
     *     for a wrong proof or a doomed (mock) exchange
     * @throws IllegalStateException if called twice
     */
    public byte[] receiveClientFinal(byte[] clientFinal) throws ScramException {
      if (used) {
        throw new IllegalStateException("client-final-message already received");
      }
      used = true;
      ScramCursor in = new ScramCursor(new String(requireNonNull(clientFinal, "clientFinal"),
          StandardCharsets.UTF_8));
      in.expectAttribute('c');
      byte[] binding = decode(in.readValue(), "channel binding");
      if (!MessageDigest.isEqual(binding, expectedBinding())) {
        throw ScramException.protocol("SCRAM channel binding check failed");
      }
      in.expectComma();
      in.expectAttribute('r');
      if (!nonce.equals(in.readValue())) {
        throw ScramException.protocol("malformed SCRAM message (nonce does not match)");
      }
      String proofText = null;
      String withoutProof = null;
      while (in.hasMore()) {
        withoutProof = in.consumed();
        in.expectComma();
        char attribute = in.readAttribute();
        String value = in.readValue();
        if (attribute == 'p') {
          proofText = value;
          break;
        }
      }
      if (proofText == null || in.hasMore()) {
        throw ScramException.protocol("malformed SCRAM message (the proof must come last in the"
            + " client-final-message)");
      }
      byte[] proof = decode(proofText, "proof");
      if (proof.length != PROOF_BYTES) {
        throw ScramException.protocol("malformed SCRAM message (malformed proof in client-final-message)");
      }
      String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
      byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
      byte[] clientKey = new byte[PROOF_BYTES];
      for (int i = 0; i < PROOF_BYTES; i++) {
        clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
      }
      boolean proofMatches = MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
      if (doomed) {
        throw ScramException.failed(doomedReason);
      }
      if (!proofMatches) {
        throw ScramException.failed("password does not match");
      }
      byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
      return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] expectedBinding() {
      byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
      if (mechanism != ScramMechanism.SCRAM_SHA_256_PLUS) {
        return header;
      }
      byte[] hash = channelBinding.orElseThrow();
      byte[] input = java.util.Arrays.copyOf(header, header.length + hash.length);
      System.arraycopy(hash, 0, input, header.length, hash.length);
      return input;
    }
  }

  private static byte[] decode(String base64, String what) throws ScramException {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ScramException.protocol("malformed SCRAM message (invalid base64 in the " + what + ")");
    }
  }
}
