package dev.rebound.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Development signing keys and tokens: an RSA key pair in PEM files and RS256 JWTs with the
 * {@code tenant} claim the reply-service reads. For the local run, tests and benchmarks only; in
 * production the calling platform's identity provider issues the tokens.
 */
public final class DevTokens {

    /** The issuer the local run and the tests configure the reply-service to accept. */
    public static final String ISSUER = "rebound-dev";
    public static final String PRIVATE_KEY_FILE = "dev-signing-key.pem";
    public static final String PUBLIC_KEY_FILE = "dev-signing-key.pub.pem";

    private final PrivateKey signingKey;

    private DevTokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** Uses the key pair in {@code dir}, creating it first when absent. */
    public static DevTokens inDirectory(Path dir) {
        try {
            Path privateKeyFile = dir.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateKeyFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return new DevTokens(readPrivateKey(privateKeyFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create or read the development signing key in " + dir, e);
        }
    }

    /** The PEM file with the public key the reply-service verifies tokens against. */
    public static Path publicKeyFile(Path dir) {
        return dir.resolve(PUBLIC_KEY_FILE);
    }

    /** A token for {@code tenant}, valid for {@code validity}. */
    public String issue(String tenant, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("dev-" + tenant);
        claims.setClaim("tenant", tenant);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validity.toMinutes());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** {@code DevTokens <key-dir> <tenant> [<validity-days>]}: prints a token, creating keys if needed. */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: DevTokens <key-dir> <tenant> [<validity-days>]");
            System.exit(2);
        }
        long days = args.length == 3 ? Long.parseLong(args[2]) : 30;
        System.out.println(inDirectory(Path.of(args[0])).issue(args[1], Duration.ofDays(days)));
    }
}
