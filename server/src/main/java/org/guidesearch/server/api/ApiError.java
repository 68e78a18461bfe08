package org.guidesearch.server.api;

/** The body of every error response. */
public record ApiError(String error, String message) {}
