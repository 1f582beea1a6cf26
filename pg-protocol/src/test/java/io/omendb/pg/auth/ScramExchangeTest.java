package io.omendb.pg.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.engine.users.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SCRAM state machine against an independent client: success, bad proofs, mock users and malformed steps. */
class ScramExchangeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MOCK_SECRET = "a server secret of enough length".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CERT_HASH = ScramVerifier.sha256("certificate".getBytes(StandardCharsets.UTF_8));
  private static final ScramVerifier VERIFIER = ScramVerifier.create("correct horse", RANDOM);

  private static ScramExchange plain(Optional<ScramVerifier> verifier) {
    return ScramExchange.begin("alice", verifier, "role \"alice\" does not exist", Optional.empty(), MOCK_SECRET,
        RANDOM);
  }

  private static ScramExchange onTls() {
    return ScramExchange.begin("alice", Optional.of(VERIFIER), "", Optional.of(CERT_HASH), MOCK_SECRET, RANDOM);
  }

  @Test
  void receiveClientFinal_rightPassword_returnsTheServerSignatureTheClientExpects() throws Exception {
    ScramTestClient client = new ScramTestClient("correct horse");
    ScramExchange.Challenge challenge = plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst());

    byte[] serverFinal = challenge.receiveClientFinal(client.clientFinal(challenge.serverFirstMessage()));

    assertThat(new String(serverFinal, StandardCharsets.UTF_8)).isEqualTo(client.expectedServerFinal());
  }

  @Test
  void receiveClientFirst_serverFirstCarriesClientNonceSaltAndIterations() throws Exception {
    ScramTestClient client = new ScramTestClient("x");
    String serverFirst = new String(plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst()).serverFirstMessage(), StandardCharsets.UTF_8);

    assertThat(ScramTestClient.attributes(serverFirst).get("r")).startsWith(client.clientNonce)
        .hasSizeGreaterThan(client.clientNonce.length() + 20);
    assertThat(ScramTestClient.attributes(serverFirst)).containsEntry("i", "4096")
        .containsEntry("s", java.util.Base64.getEncoder().encodeToString(VERIFIER.salt()));
  }

  @Test
  void receiveClientFinal_wrongPassword_failsAuthentication() throws Exception {
    ScramTestClient client = new ScramTestClient("wrong horse");
    ScramExchange.Challenge challenge = plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst());
    byte[] clientFinal = client.clientFinal(challenge.serverFirstMessage());

    assertThatThrownBy(() -> challenge.receiveClientFinal(clientFinal)).isInstanceOfSatisfying(
        ScramException.class, e -> assertThat(e.reason()).isEqualTo(ScramException.Reason.AUTHENTICATION_FAILED));
  }

  @Test
  void unknownUser_runsAMockExchangeWithAStableSalt_andFailsAtTheProof() throws Exception {
    ScramTestClient client = new ScramTestClient("anything");
    ScramExchange.Challenge first = plain(Optional.empty()).receiveClientFirst("SCRAM-SHA-256", client.clientFirst());
    ScramExchange.Challenge second = plain(Optional.empty()).receiveClientFirst("SCRAM-SHA-256",
        new ScramTestClient("anything").clientFirst());
    String salt1 = ScramTestClient.attributes(new String(first.serverFirstMessage(), StandardCharsets.UTF_8)).get("s");
    String salt2 = ScramTestClient.attributes(new String(second.serverFirstMessage(), StandardCharsets.UTF_8))
        .get("s");
    assertThat(salt1).as("a probing client sees the same salt each time, as for a real user").isEqualTo(salt2);

    byte[] clientFinal = client.clientFinal(first.serverFirstMessage());
    assertThatThrownBy(() -> first.receiveClientFinal(clientFinal)).isInstanceOfSatisfying(ScramException.class,
        e -> assertThat(e.reason()).isEqualTo(ScramException.Reason.AUTHENTICATION_FAILED));
  }

  @Test
  void receiveClientFinal_nonceMismatch_isAProtocolError() throws Exception {
    ScramTestClient client = new ScramTestClient("correct horse");
    ScramExchange.Challenge challenge = plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst());
    String serverFirst = new String(challenge.serverFirstMessage(), StandardCharsets.UTF_8)
        .replace("r=" + client.clientNonce, "r=" + client.clientNonce + "X");
    byte[] clientFinal = client.clientFinal(serverFirst.getBytes(StandardCharsets.UTF_8));

    assertProtocolError(() -> challenge.receiveClientFinal(clientFinal), "nonce does not match");
  }

  @Test
  void receiveClientFirst_twice_isRefused() throws Exception {
    ScramExchange exchange = plain(Optional.of(VERIFIER));
    exchange.receiveClientFirst("SCRAM-SHA-256", new ScramTestClient("x").clientFirst());

    assertThatThrownBy(() -> exchange.receiveClientFirst("SCRAM-SHA-256", new ScramTestClient("x").clientFirst()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void receiveClientFinal_replayed_isRefused() throws Exception {
    ScramTestClient client = new ScramTestClient("correct horse");
    ScramExchange.Challenge challenge = plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst());
    byte[] clientFinal = client.clientFinal(challenge.serverFirstMessage());
    challenge.receiveClientFinal(clientFinal);

    assertThatThrownBy(() -> challenge.receiveClientFinal(clientFinal)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void receiveClientFirst_clientFinalSentFirst_isAProtocolError() {
    assertProtocolError(() -> plain(Optional.of(VERIFIER)).receiveClientFirst("SCRAM-SHA-256",
        "c=biws,r=abc,p=AAAA".getBytes(StandardCharsets.UTF_8)), "channel-binding flag");
  }

  @Test
  void receiveClientFirst_unknownMechanism_isAProtocolError() {
    assertProtocolError(() -> plain(Optional.of(VERIFIER)).receiveClientFirst("SCRAM-SHA-1",
        new ScramTestClient("x").clientFirst()), "invalid SASL authentication mechanism");
  }

  @Test
  void receiveClientFirst_plusWithoutTls_isNotOffered() {
    assertThat(plain(Optional.of(VERIFIER)).mechanisms()).containsExactly("SCRAM-SHA-256");
    assertProtocolError(() -> plain(Optional.of(VERIFIER)).receiveClientFirst("SCRAM-SHA-256-PLUS",
        new ScramTestClient("x", "p=tls-server-end-point,,", CERT_HASH).clientFirst()),
        "invalid SASL authentication mechanism");
  }

  @Test
  void receiveClientFirst_authorizationIdentity_isRefused() {
    assertProtocolError(() -> plain(Optional.of(VERIFIER)).receiveClientFirst("SCRAM-SHA-256",
        "n,a=bob,n=,r=abc".getBytes(StandardCharsets.UTF_8)), "authorization identity");
  }

  @Test
  void receiveClientFirst_missingData_isAProtocolError() {
    assertProtocolError(() -> plain(Optional.of(VERIFIER)).receiveClientFirst("SCRAM-SHA-256", null), "missing");
  }

  @Test
  void channelBinding_rightCertificateHash_succeeds() throws Exception {
    ScramExchange exchange = onTls();
    assertThat(exchange.mechanisms()).containsExactly("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256");
    ScramTestClient client = new ScramTestClient("correct horse", "p=tls-server-end-point,,", CERT_HASH);
    ScramExchange.Challenge challenge = exchange.receiveClientFirst("SCRAM-SHA-256-PLUS", client.clientFirst());

    byte[] serverFinal = challenge.receiveClientFinal(client.clientFinal(challenge.serverFirstMessage()));

    assertThat(new String(serverFinal, StandardCharsets.UTF_8)).isEqualTo(client.expectedServerFinal());
  }

  @Test
  void channelBinding_otherCertificateHash_fails() throws Exception {
    byte[] otherHash = ScramVerifier.sha256("a man in the middle".getBytes(StandardCharsets.UTF_8));
    ScramTestClient client = new ScramTestClient("correct horse", "p=tls-server-end-point,,", otherHash);
    ScramExchange.Challenge challenge = onTls().receiveClientFirst("SCRAM-SHA-256-PLUS", client.clientFirst());
    byte[] clientFinal = client.clientFinal(challenge.serverFirstMessage());

    assertProtocolError(() -> challenge.receiveClientFinal(clientFinal), "channel binding check failed");
  }

  @Test
  void channelBinding_clientSaysYOnTls_isADowngradeAndRefused() {
    assertProtocolError(() -> onTls().receiveClientFirst("SCRAM-SHA-256",
        new ScramTestClient("x", "y,,", new byte[0]).clientFirst()), "negotiation error");
  }

  @Test
  void channelBinding_plusWithoutBindingData_isRefused() {
    assertProtocolError(() -> onTls().receiveClientFirst("SCRAM-SHA-256-PLUS",
        new ScramTestClient("x").clientFirst()), "does not include channel binding data");
  }

  @Test
  void channelBinding_unsupportedType_isRefused() {
    assertProtocolError(() -> onTls().receiveClientFirst("SCRAM-SHA-256-PLUS",
        new ScramTestClient("x", "p=tls-unique,,", CERT_HASH).clientFirst()), "unsupported SCRAM channel-binding");
  }

  @Test
  void receiveClientFinal_proofNotLast_isAProtocolError() throws Exception {
    ScramTestClient client = new ScramTestClient("correct horse");
    ScramExchange.Challenge challenge = plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst());
    byte[] clientFinal = (new String(client.clientFinal(challenge.serverFirstMessage()), StandardCharsets.UTF_8)
        + ",x=extra").getBytes(StandardCharsets.UTF_8);

    assertProtocolError(() -> challenge.receiveClientFinal(clientFinal), "proof must come last");
  }

  @Test
  void receiveClientFinal_badBase64Proof_isAProtocolError() throws Exception {
    ScramTestClient client = new ScramTestClient("correct horse");
    ScramExchange.Challenge challenge = plain(Optional.of(VERIFIER))
        .receiveClientFirst("SCRAM-SHA-256", client.clientFirst());
    String good = new String(client.clientFinal(challenge.serverFirstMessage()), StandardCharsets.UTF_8);
    byte[] clientFinal = (good.substring(0, good.indexOf(",p=")) + ",p=%%%").getBytes(StandardCharsets.UTF_8);

    assertProtocolError(() -> challenge.receiveClientFinal(clientFinal), "invalid base64");
  }

  private static void assertProtocolError(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messagePart) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ScramException.class, e -> {
      assertThat(e.reason()).isEqualTo(ScramException.Reason.PROTOCOL);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }
}
