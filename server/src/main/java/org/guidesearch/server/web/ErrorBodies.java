package org.guidesearch.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The JSON error body for responses written below the routes (by Jetty), where no JSON mapper runs. Codes and
 * messages are fixed text per status: nothing from the request is echoed, so nothing needs escaping.
 */
final class ErrorBodies {
    private ErrorBodies() {}

    static byte[] forStatus(int status) {
        String code;
        String message;
        switch (status) {
            case 400 -> {
                code = "bad_request";
                message = "the request is malformed (check the URL encoding)";
            }
            case 404 -> {
                code = "not_found";
                message = "no such resource";
            }
            case 405 -> {
                code = "method_not_allowed";
                message = "this resource does not answer that method";
            }
            case 408 -> {
                code = "request_timeout";
                message = "the request took too long to arrive";
            }
            case 413 -> {
                code = "too_large";
                message = "the request body is too large";
            }
            case 414 -> {
                code = "uri_too_long";
                message = "the URL is too long; queries are limited to 500 characters";
            }
            case 431 -> {
                code = "headers_too_large";
                message = "the request headers are too large";
            }
            case 503 -> {
                code = "unavailable";
                message = "the service is not ready; retry in a few seconds";
            }
            default -> {
                code = status >= 500 ? "internal" : "bad_request";
                message = status >= 500
                        ? "the request could not be answered"
                        : "the request cannot be answered (HTTP " + status + ")";
            }
        }
        return ("{\"error\":\"" + code.toLowerCase(Locale.ROOT) + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
