package org.guidesearch.server.api;

import io.javalin.http.Context;
import java.util.List;

/** Cross-origin access for the read-only API from the configured origins ({@code *} for any). */
final class Cors {
  private Cors() {}

  static void apply(Context ctx, List<String> allowed) {
    String origin = ctx.header("Origin");
    if (origin == null) return;
    if (allowed.contains("*")) {
      ctx.header("Access-Control-Allow-Origin", "*");
    } else if (allowed.contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
    } else {
      return;
    }
    ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", "Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
  }
}
