package org.guidesearch.server.api;

import io.javalin.http.Context;

/** Reads and checks query parameters at the edge, so handlers only see valid values. */
final class Params {
    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_ID_LENGTH = 200;

    private Params() {}

    static String requiredText(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_" + name, "query parameter '" + name + "' is required");
        }
        return checkText(name, value, maxLength);
    }

    static String optionalText(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : checkText(name, value, maxLength);
    }

    private static String checkText(String name, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw ApiException.badRequest("too_long", "'" + name + "' may be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw ApiException.badRequest("invalid_" + name, "'" + name + "' contains control characters");
        }
        return value;
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw ApiException.badRequest(
                        "invalid_" + name, "'" + name + "' must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "invalid_" + name, "'" + name + "' must be a whole number between " + min + " and " + max);
        }
    }

    /** A yes/no parameter: {@code true}/{@code false} (or 1/0, yes/no); the default when absent. */
    static boolean flag(Context ctx, String name, boolean defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest("invalid_" + name, "'" + name + "' must be true or false");
        };
    }
}
