package org.careflow;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements (and the rows they write) that reach the database while a window is open:
 * the application's DataSource wrapped by datasource-proxy. Test code only (this class and its library
 * are on the test classpath, never in the application), and only where {@code careflow.test.count-statements=true}
 * (the test profile). A JDBC batch counts as one statement (one round trip), its rows all as written.
 * Threads of the schedulers are left out: a window counts the unit of work, not a background run.
 */
@Component
@ConditionalOnProperty(name = "careflow.test.count-statements", havingValue = "true")
public class StatementCounter implements BeanPostProcessor {

  private static volatile Window open;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
      return ProxyDataSourceBuilder.create(ds).name(beanName).listener(new Listener()).build();
    }
    return bean;
  }

  /** Opens a window: statements on any thread but the schedulers' count until it is closed. */
  public static Window start() {
    Window w = new Window();
    open = w;
    return w;
  }

  /** What one window saw. */
  public static final class Window implements AutoCloseable {
    private final List<String> statements = new ArrayList<>();
    private long rowsWritten;
    private boolean closed;

    synchronized void add(String sql, long rows) {
      if (!closed) {
        statements.add(sql);
        rowsWritten += rows;
      }
    }

    public synchronized int statements() {
      return statements.size();
    }

    public synchronized long rowsWritten() {
      return rowsWritten;
    }

    /** The statements, one per line, with how often each ran: what to read when a budget is exceeded. */
    public synchronized String listing() {
      java.util.Map<String, Integer> n = new java.util.LinkedHashMap<>();
      for (String s : statements) {
        n.merge(s.length() > 160 ? s.substring(0, 160) + "…" : s, 1, Integer::sum);
      }
      StringBuilder b = new StringBuilder();
      n.forEach((s, c) -> b.append(String.format("%3d × %s%n", c, s)));
      return b.toString();
    }

    @Override
    public synchronized void close() {
      closed = true;
      if (open == this) {
        open = null;
      }
    }
  }

  static final class Listener implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      // counted after: the rows written are known then
    }

    @Override
    public void afterQuery(ExecutionInfo exec, List<QueryInfo> queries) {
      Window w = open;
      if (w == null || Thread.currentThread().getName().startsWith("scheduling")) {
        return;
      }
      for (QueryInfo q : queries.isEmpty() ? List.<QueryInfo>of() : List.of(queries.get(0))) {
        String sql = q.getQuery().strip().replaceAll("\\s+", " ");
        w.add(sql, exec.isSuccess() ? written(exec, sql) : 0);
      }
    }

    /** Rows an INSERT, UPDATE, DELETE or MERGE changed (a whole batch's, on its first statement). */
    private static long written(ExecutionInfo exec, String sql) {
      String verb = sql.length() < 6 ? sql : sql.substring(0, 6).toUpperCase(Locale.ROOT);
      if (!(verb.startsWith("INSERT") || verb.startsWith("UPDATE") || verb.startsWith("DELETE") || verb.startsWith("MERGE"))) {
        return 0;
      }
      Object result = exec.getResult();
      if (result instanceof int[] counts) {
        long sum = 0;
        for (int c : counts) {
          sum += c == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, c);
        }
        return sum;
      }
      if (result instanceof Integer i) {
        return Math.max(0, i);
      }
      if (result instanceof Long l) {
        return Math.max(0, l);
      }
      try {
        // PreparedStatement.execute(), as MyBatis (the engine) runs its writes: the count is on the statement
        long c = exec.getStatement().getUpdateCount();
        return Math.max(0, c);
      } catch (java.sql.SQLException | RuntimeException e) {
        return 0;
      }
    }
  }
}
