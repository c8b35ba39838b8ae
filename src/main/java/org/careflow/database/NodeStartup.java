package org.careflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * A node's start, safe when several nodes start at once on one PostgreSQL: one node starts at a time.
 *
 * <ol>
 *   <li>Start-time work writes without looking at other nodes: the engine creates its own tables at its
 *       first start ({@code schema-update: true}) with no lock; the role groups and their permissions
 *       are created when missing ({@code identity.IdentityBootstrap}); the demo school is seeded into a
 *       database without a school. Two nodes doing this together both find "missing" and both write
 *       (ClusterTest hit duplicate authorizations). On PostgreSQL this engine plugin takes a
 *       session-level advisory lock before the engine's schema work and keeps it until the application
 *       is ready (every start-time runner has run), so nodes start one after the other: a second node
 *       waits for the first, then finds everything there.</li>
 *   <li>careflow's indexes on the engine's tables (the inbox's queries, see {@code db/engine/}) cannot
 *       be in careflow's Flyway migrations: those run before the engine is built (Hibernate, and
 *       through it the transaction manager the engine uses, waits for them), when the engine's
 *       tables do not exist yet on a new database. They are a second Flyway migration, with its own
 *       history table {@code cf_engine_index_history}, run here once the engine's tables exist and
 *       still under the lock (Flyway takes its own lock on PostgreSQL as well).</li>
 * </ol>
 */
@Component
class NodeStartup extends AbstractProcessEnginePlugin implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  /** The advisory lock's key: any number that careflow alone uses. */
  static final long LOCK_KEY = 0x63617265666C6FL; // "careflo"
  private static final Logger log = LoggerFactory.getLogger(NodeStartup.class);

  private final DataSource dataSource;
  private Connection lockConnection;

  NodeStartup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection c = dataSource.getConnection();
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        c.close();
        return;
      }
      c.setAutoCommit(true);
      long t0 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
      }
      lockConnection = c;
      log.info("start lock taken after {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the start lock", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/engine/" + vendor())
        .table("cf_engine_index_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Every start-time runner (identity, models, demo school) has run: the next node may start. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  private String vendor() {
    try (Connection c = dataSource.getConnection()) {
      return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? "postgresql" : "h2";
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized void release() {
    if (lockConnection == null) {
      return;
    }
    try (Connection c = lockConnection; Statement s = c.createStatement()) {
      s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
    } catch (SQLException e) {
      log.warn("start lock: {}", e.getMessage()); // closing the connection releases it anyway
    } finally {
      lockConnection = null;
    }
  }

  /** A start that failed before the engine was built must not keep other nodes waiting. */
  @Override
  public void destroy() {
    release();
  }
}
