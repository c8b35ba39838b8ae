package org.careflow;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

@SpringBootApplication
public class CareflowApplication {
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(CareflowApplication.class);
    if (Boolean.getBoolean("careflow.boot-timings") || Arrays.asList(args).contains("--careflow.boot-timings=true")) {
      // the boot benchmark's breakdown (database.BootTimings): Spring records how long each bean took
      app.setApplicationStartup(new BufferingApplicationStartup(20_000));
    }
    app.run(args);
  }
}
