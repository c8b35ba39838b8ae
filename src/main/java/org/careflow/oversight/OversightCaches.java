package org.careflow.oversight;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The oversight figures' caches (Spring's cache abstraction over Caffeine): the overdue figures, the open
 * escalations and a term's targets are reused for {@code careflow.oversight.cache-seconds} (60 by default;
 * 0 computes every figure afresh, as the tests and the cluster nodes do). Keys are the methods' arguments
 * (the scope is a record of its school and class ids, the term a record too).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class OversightCaches {

  static final String FIGURES = "oversight.figures";
  static final String ESCALATIONS = "oversight.escalations";
  static final String TARGETS = "oversight.targets";

  private final CaffeineCacheManager caffeine = new CaffeineCacheManager(FIGURES, ESCALATIONS, TARGETS);
  private final NoOpCacheManager none = new NoOpCacheManager();
  private volatile boolean off;

  OversightCaches(@Value("${careflow.oversight.cache-seconds:60}") int seconds) {
    setSeconds(seconds);
  }

  /** Caffeine's caches, or none at all while the time is 0 (a figure is then computed on every call). */
  @Bean
  CacheManager oversightCacheManager() {
    return new CacheManager() {
      @Override
      public Cache getCache(String name) {
        return off ? none.getCache(name) : caffeine.getCache(name);
      }

      @Override
      public Collection<String> getCacheNames() {
        return caffeine.getCacheNames();
      }
    };
  }

  /** How long a figure is reused (0: not at all); the caches start empty. */
  void setSeconds(int seconds) {
    off = seconds <= 0;
    // maintenance on the calling thread: an expired figure is gone when the next call asks
    caffeine.setCaffeine(Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(Duration.ofSeconds(Math.max(1, seconds))));
  }
}
