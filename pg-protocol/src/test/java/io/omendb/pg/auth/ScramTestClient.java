package io.omendb.pg.auth;

import io.omendb.engine.users.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** The client side of SCRAM-SHA-256 written from RFC 5802, independently of the server code, for its tests. */
final class ScramTestClient {
  final String password;
  final String gs2Header;
  final byte[] channelBinding;
  final String clientNonce = "rOprNGfwEbeRWgbNEkqO";
  String clientFirstBare;
  String serverFirst;
  byte[] saltedPassword;
  String authMessage;

  /** A client without channel binding ({@code n,,}). */
  ScramTestClient(String password) {
    this(password, "n,,", new byte[0]);
  }

  ScramTestClient(String password, String gs2Header, byte[] channelBinding) {
    this.password = password;
    this.gs2Header = gs2Header;
    this.channelBinding = channelBinding;
  }

  byte[] clientFirst() {
    clientFirstBare = "n=*,r=" + clientNonce;
    return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
  }

  /** The client-final-message for the given server-first-message. */
  byte[] clientFinal(byte[] serverFirstBytes) throws Exception {
    serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
    Map<String, String> attributes = attributes(serverFirst);
    byte[] salt = Base64.getDecoder().decode(attributes.get("s"));
    int iterations = Integer.parseInt(attributes.get("i"));
    saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    byte[] bindInput = concat(gs2Header.getBytes(StandardCharsets.UTF_8), channelBinding);
    String withoutProof = "c=" + Base64.getEncoder().encodeToString(bindInput) + ",r=" + attributes.get("r");
    authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] clientKey = ScramVerifier.hmac(saltedPassword, "Client Key");
    byte[] signature = ScramVerifier.hmac(ScramVerifier.sha256(clientKey), authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ signature[i]);
    }
    return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
  }

  /** The server signature the client expects in the server-final-message. */
  String expectedServerFinal() {
    byte[] serverKey = ScramVerifier.hmac(saltedPassword, "Server Key");
    return "v=" + Base64.getEncoder().encodeToString(ScramVerifier.hmac(serverKey, authMessage));
  }

  static Map<String, String> attributes(String message) {
    Map<String, String> attributes = new HashMap<>();
    for (String part : message.split(",")) {
      attributes.put(part.substring(0, 1), part.substring(2));
    }
    return attributes;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] result = new byte[a.length + b.length];
    System.arraycopy(a, 0, result, 0, a.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
