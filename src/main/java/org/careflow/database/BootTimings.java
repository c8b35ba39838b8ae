package org.careflow.database;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * Where a start's time goes, for the boot benchmark (docs/PERFORMANCE.md): on with
 * {@code careflow.boot-timings=true} only (then {@code CareflowApplication} also records Spring's start-up
 * steps). Logs one {@code BOOT-TIMING} line per part once the application is ready: the JVM until
 * Spring starts, the beans that took longest to make (their own time, without the beans they needed:
 * Flyway's migrations, the engine, JPA, the webapps' filters), each start-up runner and each listener of
 * the ready event (model deployment, identity, scope grants, summaries). Without the property this class
 * is not even a bean.
 */
@Aspect
@Component
@ConditionalOnProperty(name = "careflow.boot-timings", havingValue = "true")
class BootTimings implements ApplicationListener<ApplicationEvent> {

  private static final Logger log = LoggerFactory.getLogger(BootTimings.class);
  private final List<Object[]> calls = new ArrayList<>();

  /** Start-up runners and ready-event listeners of careflow's own beans, timed one by one. */
  @Around("within(org.careflow..*) && (execution(* org.springframework.boot.ApplicationRunner+.run(..))"
      + " || @annotation(org.springframework.context.event.EventListener))")
  public Object time(ProceedingJoinPoint call) throws Throwable {
    long t0 = System.nanoTime();
    try {
      return call.proceed();
    } finally {
      synchronized (calls) {
        calls.add(new Object[] {call.getSignature().getDeclaringType().getSimpleName() + "." + call.getSignature().getName(),
            (System.nanoTime() - t0) / 1_000_000});
      }
    }
  }

  private ApplicationReadyEvent ready;

  /**
   * Logs when readiness turns to ACCEPTING_TRAFFIC: Spring publishes that after every listener of the ready
   * event has run (the dashboard's summary check, the class processes), so those are timed too.
   */
  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent r) {
      ready = r;
    } else if (ready != null && event instanceof AvailabilityChangeEvent<?> a && a.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      report(ready);
    }
  }

  private void report(ApplicationReadyEvent event) {
    long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    log.info("BOOT-TIMING ready_since_jvm_start {} ms", sinceJvm);
    log.info("BOOT-TIMING spring_run {} ms", event.getTimeTaken() == null ? -1 : event.getTimeTaken().toMillis());
    if (event.getApplicationContext().getApplicationStartup() instanceof BufferingApplicationStartup startup) {
      beans(startup.getBufferedTimeline());
    }
    synchronized (calls) {
      calls.stream().filter(c -> (Long) c[1] >= 5).forEach(c -> log.info("BOOT-TIMING runner {} {} ms", c[0], c[1]));
    }
  }

  /** The beans with the most own time (a bean's step minus the steps of the beans made inside it). */
  private void beans(StartupTimeline timeline) {
    Map<Long, Long> childTime = new HashMap<>();
    List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
    for (StartupTimeline.TimelineEvent e : events) {
      Long parent = e.getStartupStep().getParentId();
      if (parent != null) {
        childTime.merge(parent, e.getDuration().toMillis(), Long::sum);
      }
    }
    List<Object[]> own = new ArrayList<>();
    for (StartupTimeline.TimelineEvent e : events) {
      StartupStep step = e.getStartupStep();
      String name = step.getName();
      for (StartupStep.Tag t : step.getTags()) {
        if (t.getKey().equals("beanName")) {
          name = "bean " + t.getValue();
        }
      }
      own.add(new Object[] {name, e.getDuration().toMillis() - childTime.getOrDefault(step.getId(), 0L)});
    }
    own.stream().sorted(Comparator.comparingLong((Object[] o) -> (Long) o[1]).reversed()).limit(15)
        .forEach(o -> log.info("BOOT-TIMING step {} {} ms", o[0], o[1]));
  }
}
