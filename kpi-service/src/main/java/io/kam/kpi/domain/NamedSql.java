package io.kam.kpi.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQL with {@code :name} parameters, for the long analytical queries that reuse values. */
public final class NamedSql {

  private static final Pattern PARAM = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

  private NamedSql() {}

  public static PreparedStatement prepare(Connection c, String sql, Map<String, Object> params)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    Matcher m = PARAM.matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      values.add(params.get(name));
      m.appendReplacement(jdbc, "?");
    }
    m.appendTail(jdbc);
    PreparedStatement ps = c.prepareStatement(jdbc.toString());
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
    return ps;
  }
}
