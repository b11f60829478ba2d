package dev.voicebot.actuators.bus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS socket factories for MQTT over {@code ssl://}, from PEM files: the authority that signed the
 * broker's certificate (or the JVM's trusted authorities) and an optional client certificate with its
 * unencrypted PKCS#8 key. Nothing is written to disk; bad files give a message naming the file.
 */
public final class TlsSockets {
    private TlsSockets() {
    }

    /**
     * @param caFile   PEM certificate(s) to trust; empty: the JVM's default trust store
     * @param certFile PEM client certificate chain; present together with {@code keyFile}
     * @param keyFile  PEM PKCS#8 private key ("BEGIN PRIVATE KEY"), not encrypted
     */
    public static SSLSocketFactory factory(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile) throws BusException {
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new BusException("a TLS client certificate needs both mqtt.tls.certFile and mqtt.tls.keyFile");
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile.isPresent()) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(caFile.get())) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (certFile.isPresent()) {
                List<Certificate> chain = certificates(certFile.get());
                PrivateKey key = privateKey(keyFile.get());
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                char[] pass = new char[0];
                keys.setKeyEntry("client", key, pass, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, pass);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new BusException("cannot set up TLS: " + e, e);
        }
    }

    static List<Certificate> certificates(Path file) throws BusException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new BusException("no PEM certificate in " + file);
            }
            return new ArrayList<>(certs);
        } catch (IOException e) {
            throw new BusException("cannot read certificate file " + file + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new BusException("certificate file " + file + " is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) throws BusException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new BusException("cannot read key file " + file + ": " + e, e);
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new BusException("key file " + file + " is not an unencrypted PKCS#8 PEM key (\"BEGIN PRIVATE KEY\"); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out client-pkcs8.key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new BusException("key file " + file + " holds a PKCS#8 key of an algorithm this JVM cannot read (RSA, EC, Ed25519 work)");
    }
}
