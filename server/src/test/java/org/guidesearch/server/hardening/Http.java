package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small HTTP client for the hardening tests: well-formed requests through java.net.http, raw bytes through a socket. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a response must never contain: stack frames, exception class names, file system paths. */
    private static final List<String> LEAKS = List.of(
            "\tat ",
            "at org.",
            "at java.",
            "Exception",
            "/work/",
            "/tmp/",
            "/home/",
            "/root/",
            "jetty",
            "javalin",
            "neo4j.driver",
            ".java:");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Reply get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    Reply send(String method, String pathAndQuery, String... headers) {
        return send(Duration.ofSeconds(30), method, pathAndQuery, headers);
    }

    Reply send(Duration timeout, String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return new Reply(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} byte for byte (it must ask the server to close) and parses what comes back. */
    Reply raw(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return parse(all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply raw(String request) {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Reply parse(String text) {
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Reply(status, headers, body);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) break;
            int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
            if (size == 0) break;
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    /** A response; {@link #assertCleanJson()} checks what every response of the API must satisfy. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** JSON object; an error has {@code error} and {@code message} and no stack trace or path. */
        Reply assertCleanJson() {
            assertThat(header("content-type")).as("content type of %s", body).contains("application/json");
            JsonNode node = json();
            assertThat(node.isObject()).as(body).isTrue();
            if (status >= 400) {
                assertThat(node.path("error").isTextual()).as(body).isTrue();
                assertThat(node.path("message").asText()).as(body).isNotBlank();
                for (String leak : LEAKS) {
                    assertThat(body).as("status %d body", status).doesNotContain(leak);
                }
            }
            return this;
        }
    }
}
