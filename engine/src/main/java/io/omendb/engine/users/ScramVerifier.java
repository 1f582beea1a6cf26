package io.omendb.engine.users;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM-SHA-256 password verifier in PostgreSQL's stored form,
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (RFC 5802, RFC 7677): what is kept instead of a
 * password, enough to run a SCRAM exchange or to check a password given in clear over TLS, never enough to log in.
 *
 * <p>Passwords are used as UTF-8 bytes without SASLprep normalisation; PostgreSQL does the same when SASLprep fails,
 * and ASCII passwords are unaffected.
 */
public final class ScramVerifier {
  /** PostgreSQL's default iteration count ({@code scram_iterations}). */
  public static final int DEFAULT_ITERATIONS = 4096;

  private static final String PREFIX = "SCRAM-SHA-256$";
  private static final int SALT_LENGTH = 16;
  private static final int KEY_LENGTH = 32;
  private static final int MIN_ITERATIONS = 1;
  private static final String HMAC = "HmacSHA256";

  private final int iterations;
  private final byte[] salt;
  private final byte[] storedKey;
  private final byte[] serverKey;

  private ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    this.iterations = iterations;
    this.salt = salt;
    this.storedKey = storedKey;
    this.serverKey = serverKey;
  }

  /** Derives a verifier from a password with a fresh random salt. */
  public static ScramVerifier create(String password, SecureRandom random) {
    requireNonNull(password, "password");
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    return create(password, salt, DEFAULT_ITERATIONS);
  }

  /** Derives a verifier from a password, salt and iteration count. */
  public static ScramVerifier create(String password, byte[] salt, int iterations) {
    requireNonNull(password, "password");
    requireNonNull(salt, "salt");
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    byte[] salted = saltedPassword(password, salt, iterations);
    byte[] clientKey = hmac(salted, "Client Key");
    return new ScramVerifier(iterations, salt.clone(), sha256(clientKey), hmac(salted, "Server Key"));
  }

  /** Whether {@code text} looks like a stored verifier rather than a password (what {@code \password} sends). */
  public static boolean isVerifier(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /**
   * Parses the stored form.
   *
   * @throws IllegalArgumentException if {@code text} is not a well-formed SCRAM-SHA-256 verifier
   */
  public static ScramVerifier parse(String text) {
    if (!isVerifier(text)) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
    }
    String body = text.substring(PREFIX.length());
    int dollar = body.indexOf('$');
    if (dollar < 0) {
      throw new IllegalArgumentException("malformed SCRAM-SHA-256 verifier");
    }
    String[] head = body.substring(0, dollar).split(":", -1);
    String[] keys = body.substring(dollar + 1).split(":", -1);
    if (head.length != 2 || keys.length != 2) {
      throw new IllegalArgumentException("malformed SCRAM-SHA-256 verifier");
    }
    try {
      int iterations = Integer.parseInt(head[0]);
      byte[] salt = Base64.getDecoder().decode(head[1]);
      byte[] storedKey = Base64.getDecoder().decode(keys[0]);
      byte[] serverKey = Base64.getDecoder().decode(keys[1]);
      if (iterations < MIN_ITERATIONS || salt.length == 0 || storedKey.length != KEY_LENGTH
          || serverKey.length != KEY_LENGTH) {
        throw new IllegalArgumentException("malformed SCRAM-SHA-256 verifier");
      }
      return new ScramVerifier(iterations, salt, storedKey, serverKey);
    } catch (IllegalArgumentException e) {
      // NumberFormatException and Base64 errors are IllegalArgumentExceptions too; never echo the text.
      throw new IllegalArgumentException("malformed SCRAM-SHA-256 verifier");
    }
  }

  /** Checks a password given in clear (e.g. HTTP BASIC over TLS) in constant time. */
  public boolean matches(String password) {
    requireNonNull(password, "password");
    byte[] salted = saltedPassword(password, salt, iterations);
    return MessageDigest.isEqual(sha256(hmac(salted, "Client Key")), storedKey)
        && MessageDigest.isEqual(hmac(salted, "Server Key"), serverKey);
  }

  public int iterations() {
    return iterations;
  }

  public byte[] salt() {
    return salt.clone();
  }

  /** {@code H(ClientKey)}: what a client proof is checked against. */
  public byte[] storedKey() {
    return storedKey.clone();
  }

  /** {@code HMAC(SaltedPassword, "Server Key")}: what the server signature is computed with. */
  public byte[] serverKey() {
    return serverKey.clone();
  }

  /** The stored form. */
  @Override
  public String toString() {
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":"
        + b64.encodeToString(serverKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScramVerifier that && iterations == that.iterations && Arrays.equals(salt, that.salt)
        && Arrays.equals(storedKey, that.storedKey) && Arrays.equals(serverKey, that.serverKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(storedKey);
  }

  /** {@code HMAC-SHA-256(key, text)}, the primitive SCRAM builds on. */
  public static byte[] hmac(byte[] key, String text) {
    return hmac(key, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code HMAC-SHA-256(key, data)}. */
  public static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** {@code SHA-256(data)}. */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    try {
      // PBKDF2-HMAC-SHA-256 with one output block is SCRAM's Hi(password, salt, i).
      PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_LENGTH * Byte.SIZE);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
