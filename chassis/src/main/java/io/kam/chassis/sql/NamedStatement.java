package io.kam.chassis.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL with {@code :name} parameters turned into JDBC's {@code ?} once per distinct text. A colon
 * inside a string literal, a quoted identifier or a comment, and the {@code ::type} cast, are left
 * alone.
 */
final class NamedStatement {

  /** Statements are constants or a few filter combinations; the bound only guards a mistake. */
  private static final int CACHE_LIMIT = 2_000;

  private static final Map<String, NamedStatement> CACHE = new ConcurrentHashMap<>();

  final String jdbc;
  final List<String> names;

  private NamedStatement(String jdbc, List<String> names) {
    this.jdbc = jdbc;
    this.names = names;
  }

  static NamedStatement of(String sql) {
    NamedStatement cached = CACHE.get(sql);
    if (cached != null) {
      return cached;
    }
    NamedStatement parsed = parse(sql);
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(sql, parsed);
    }
    return parsed;
  }

  static NamedStatement parse(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> names = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char ch = sql.charAt(i);
      if (ch == '\'' || ch == '"') {
        int end = sql.indexOf(ch, i + 1);
        end = end < 0 ? n : end + 1;
        out.append(sql, i, end);
        i = end;
      } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
      } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(sql, i, end);
        i = end;
      } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (ch == ':' && i + 1 < n && Character.isLetter(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        out.append('?');
        i = end;
      } else {
        out.append(ch);
        i++;
      }
    }
    return new NamedStatement(out.toString(), List.copyOf(names));
  }
}
