package org.guidesearch.indexer.query;

import java.util.List;

/** One section found, with its best passage ({@code snippet}: HTML-escaped, only {@code <mark>} is markup). */
public record SearchHit(
    String doc, String anchor, String title, int level, List<String> breadcrumb, String snippet, float score) {
  public SearchHit {
    breadcrumb = List.copyOf(breadcrumb);
  }

  public String id() {
    return doc + "#" + anchor;
  }
}
