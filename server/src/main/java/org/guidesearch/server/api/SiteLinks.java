package org.guidesearch.server.api;

/** Deep links into the published guide: {@code part5.md#x} lives at {@code BASE/part5.html#x}. */
public record SiteLinks(String baseUrl) {
  public String url(String doc, String anchor) {
    String page = doc.endsWith(".md") ? doc.substring(0, doc.length() - 3) + ".html" : doc;
    return baseUrl + page + "#" + anchor;
  }
}
