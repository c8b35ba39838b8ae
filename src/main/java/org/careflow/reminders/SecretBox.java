package org.careflow.reminders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the channels' secrets before they are stored (AES-256-GCM, a fresh nonce per value). The key comes
 * from {@code careflow.secrets-key} (environment {@code CAREFLOW_SECRETS_KEY}), any text of 16 characters or
 * more, hashed to 256 bits; it is never stored in the database. Without a key no secret can be saved (the
 * page says so) and the properties {@code careflow.wecom.secret} / {@code careflow.dingtalk.robot-secret}
 * remain the way to give one.
 */
@Component
public class SecretBox {

  private static final String PREFIX = "v1:";
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(@Value("${careflow.secrets-key:}") String keyText) {
    this.key = keyText == null || keyText.strip().length() < 16 ? null : new SecretKeySpec(sha256(keyText.strip()), "AES");
  }

  public boolean ready() {
    return key != null;
  }

  String seal(String plain) {
    if (key == null) {
      throw new IllegalStateException("careflow.secrets-key is not set");
    }
    try {
      byte[] nonce = new byte[12];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** The plain value, or null when there is none or it cannot be opened (another key): the channel then counts as not set. */
  String open(String stored) {
    if (stored == null || key == null || !stored.startsWith(PREFIX)) {
      return null;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
