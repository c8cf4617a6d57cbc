package dev.hubcord.discordsim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.json.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The voice gateway answers {@code wss://} (libraries) and {@code ws://} (hubcord's audio worker) on the endpoint's
 * one port; a TLS client trusting {@link VoiceTls#caPem()} verifies the certificate for the endpoint's host name.
 */
class VoiceTlsTest {

    static VoiceServer voice;

    @BeforeAll
    static void start() {
        voice = VoiceServer.start(VoiceServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    /** Opens the voice gateway and answers its first message (Hello). */
    static JsonNode hello(HttpClient http, String scheme) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create(scheme + "://" + voice.endpoint() + "/?v=8"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            return Json.parseOrNull(first.get(10, TimeUnit.SECONDS));
        } finally {
            ws.abort();
        }
    }

    @Test
    void wssWithTheSimsCaVerifiesTheHostNameAndSaysHello() throws Exception {
        assertThat(voice.endpoint()).startsWith("localhost:");
        HttpClient http = HttpClient.newBuilder().sslContext(voice.tls().clientContext()).build();
        JsonNode hello = hello(http, "wss");
        assertThat(hello.path("op").intValue()).isEqualTo(8);
        assertThat(hello.path("d").path("heartbeat_interval").intValue()).isEqualTo(13_750);
    }

    @Test
    void plainWsStillWorksOnTheSamePort() throws Exception {
        JsonNode hello = hello(HttpClient.newHttpClient(), "ws");
        assertThat(hello.path("op").intValue()).isEqualTo(8);
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefusedAndTheServerKeepsServing() throws Exception {
        // the JDK's default trust store does not know the sim's CA
        assertThatThrownBy(() -> hello(HttpClient.newHttpClient(), "wss"))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
        HttpClient trusting = HttpClient.newBuilder().sslContext(voice.tls().clientContext()).build();
        assertThat(hello(trusting, "wss").path("op").intValue()).isEqualTo(8);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void theCaPemIsTheCertificateThatSignedTheServers() throws Exception {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(voice.tls().caPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(ca).isEqualTo(voice.tls().ca());
        assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        assertThat(List.of(voice.tls().caPem().split("\n")).getFirst()).isEqualTo("-----BEGIN CERTIFICATE-----");
    }
}
