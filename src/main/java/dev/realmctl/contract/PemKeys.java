package dev.realmctl.contract;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.Curve;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * A private key as teams keep one: a PEM file in PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, what
 * {@code openssl genpkey} writes), RSA or EC. The JDK reads PKCS#8 itself; nothing else is needed.
 */
final class PemKeys {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  /** A signer and the JWS algorithm it signs with. */
  record Signing(JWSSigner signer, JWSAlgorithm algorithm) {}

  private PemKeys() {}

  static PrivateKey privateKey(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new AssertionError(
          pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
              ? "the private key is in the old format: convert it with `openssl pkcs8 -topk8"
                  + " -nocrypt -in KEY -out KEY.pem`"
              : "not a PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip());
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisAlgorithm) {
        // The next one.
      }
    }
    throw new AssertionError("the private key is neither RSA nor EC");
  }

  static Signing signer(PrivateKey key) throws JOSEException {
    if (key instanceof RSAPrivateKey rsa) {
      return new Signing(new RSASSASigner(rsa), JWSAlgorithm.RS256);
    }
    if (key instanceof ECPrivateKey ec) {
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      return new Signing(new ECDSASigner(ec), ECDSA.resolveAlgorithm(curve));
    }
    throw new AssertionError("an RSA or EC private key signs a client assertion");
  }
}
