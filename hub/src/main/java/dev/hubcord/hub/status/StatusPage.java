package dev.hubcord.hub.status;

import dev.hubcord.hub.rest.RestResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /status}: the status page, for a browser. A browser cannot send the {@code Authorization} header the REST
 * API needs, so the secret is given once — the login form's POST, or {@code /status?secret=...} for a link — and
 * answered with a redirect that sets an HttpOnly, SameSite=Strict cookie holding a random token of this hub
 * process (never the secret itself). The cookie admits {@code GET /status} and {@code GET /v1/status} only, and
 * dies with the process: after a hub restart the page asks for the secret again. Both the secret and the token are
 * compared in constant time.
 */
public final class StatusPage {

    public static final String COOKIE = "hubcord_status";
    private static final Logger log = LoggerFactory.getLogger(StatusPage.class);
    private static final String HTML = "text/html; charset=utf-8";
    /** Inline script and style only, fetches only to this origin, never framed. */
    private static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Predicate<String> secretMatches;
    private final String token;
    private final byte[] tokenBytes;
    private final byte[] page = resource("status.html");
    private final String login = new String(resource("login.html"), StandardCharsets.UTF_8);

    /** @param secretMatches the hub's constant-time check of its secret */
    public StatusPage(Predicate<String> secretMatches) {
        this.secretMatches = secretMatches;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a {@code Cookie} request header carries this process's status token. */
    public boolean admits(String cookieHeader) {
        if (cookieHeader == null || cookieHeader.isEmpty()) {
            return false;
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookieHeader)) {
            if (COOKIE.equals(cookie.name())
                    && MessageDigest.isEqual(tokenBytes, cookie.value().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers a request for {@code /status}.
     *
     * @param query the decoded query parameters
     * @param form the request body (a POSTed login form, {@code secret=...}), or empty
     */
    public RestResponse answer(String method, Map<String, List<String>> query, String cookieHeader, String form) {
        if (!method.equals("GET") && !method.equals("POST")) {
            return RestResponse.methodNotAllowed(method, "/status");
        }
        String given = method.equals("GET") ? first(query, "secret")
                : first(new QueryStringDecoder(form, StandardCharsets.UTF_8, false).parameters(), "secret");
        if (given != null) {
            if (!secretMatches.test(given)) {
                log.info("status page: a wrong secret was given; answering with the login form");
                return loginPage("That is not the hub's secret.");
            }
            return new RestResponse(303, null, new byte[0])
                    .withHeader("Location", "/status")
                    .withHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict")
                    .withHeader("Cache-Control", "no-store");
        }
        if (method.equals("GET") && admits(cookieHeader)) {
            return secured(new RestResponse(200, HTML, page));
        }
        return loginPage("");
    }

    private RestResponse loginPage(String message) {
        String html = login.replace("<!--message-->", message);
        return secured(new RestResponse(401, HTML, html.getBytes(StandardCharsets.UTF_8)));
    }

    private static RestResponse secured(RestResponse response) {
        return response.withHeader("Content-Security-Policy", CSP)
                .withHeader("Cache-Control", "no-store")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static byte[] resource(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name + " beside " + StatusPage.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
