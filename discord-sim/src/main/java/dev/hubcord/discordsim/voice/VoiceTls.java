package dev.hubcord.discordsim.voice;

import dev.hubcord.discordsim.SimException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The voice gateway's TLS: a throwaway certificate authority made at start and a server certificate it signs for
 * the endpoint's host ({@code localhost}, the loopback addresses and the bind address). Discord's voice endpoints
 * are {@code wss://} only, and libraries (JDA, discord.js) open {@code wss://} whatever the endpoint says; a client
 * trusts the sim by trusting {@link #caPem()} as its library documents (a JVM {@link SSLContext} from
 * {@link #clientContext()}, Node's {@code NODE_EXTRA_CA_CERTS}). Keys live in memory only and die with the server.
 */
public final class VoiceTls {

    /** Longer than any test or demo runs; a fresh pair is made at every start anyway. */
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final X509Certificate ca;
    private final SslContext serverContext;

    private VoiceTls(X509Certificate ca, SslContext serverContext) {
        this.ca = ca;
        this.serverContext = serverContext;
    }

    /** A new CA and a server certificate for {@code localhost}, 127.0.0.1, ::1 and {@code host}. */
    static VoiceTls generate(String host) {
        try {
            KeyPair caKeys = ecKeys();
            KeyPair serverKeys = ecKeys();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=discord-sim voice CA");
            X509v3CertificateBuilder caBuilder = builder(caName, caName, caKeys, now);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caBuilder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = sign(caBuilder, caKeys.getPrivate());

            X509v3CertificateBuilder leaf = builder(caName, new X500Name("CN=localhost"), serverKeys, now);
            leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            leaf.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host)));
            leaf.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            X509Certificate server = sign(leaf, caKeys.getPrivate());

            SslContext context = SslContextBuilder.forServer(serverKeys.getPrivate(), server, ca).build();
            return new VoiceTls(ca, context);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SimException(SimException.Kind.STARTUP, "cannot make the voice gateway's TLS certificate", e);
        }
    }

    /** The CA that signed the server certificate, PEM-encoded: what a client must trust. */
    public String caPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(ca);
        } catch (IOException e) {
            throw new SimException(SimException.Kind.INTERNAL, "cannot encode the voice CA", e);
        }
        return out.toString();
    }

    public X509Certificate ca() {
        return ca;
    }

    /** A client {@link SSLContext} that trusts this CA only (for a JVM library's WebSocket factory). */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("discord-sim-voice", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new SimException(SimException.Kind.INTERNAL, "cannot build a client TLS context", e);
        }
    }

    SslContext serverContext() {
        return serverContext;
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant now) {
        BigInteger serial = new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    /** {@code localhost} and both loopback addresses always; the bind host too, as an address or a DNS name. */
    private static GeneralName[] names(String host) {
        Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        if (isIpLiteral(host)) {
            ips.add(host);
        } else {
            dns.add(host);
        }
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ips.forEach(i -> names.add(new GeneralName(GeneralName.iPAddress, i)));
        return names.toArray(GeneralName[]::new);
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
