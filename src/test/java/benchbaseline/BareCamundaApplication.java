package benchbaseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * The boot benchmark's baseline: Spring Boot with the Camunda engine, its REST API and webapps, on the
 * same class path and settings (application.yaml) as careflow, but none of careflow's beans, migrations
 * or models. Outside the org.careflow packages, so that careflow's component scan (in the tests' context)
 * never picks it up, and it scans nothing itself.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
public class BareCamundaApplication {
  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
