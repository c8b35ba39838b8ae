package org.careflow.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's caches (Spring's cache abstraction): small, read on every timer and due date, changed
 * rarely. The node that changes what a cache holds clears it at once (the owner listens for its own
 * change events); another node sharing the database sees the change when its entry expires
 * ({@code careflow.cache.expiry}, one minute by default): each entry is read again from the database at
 * most that often. Which caches exist and who clears them: docs/PERFORMANCE.md ("Caches").
 */
@Configuration
@EnableCaching
public class Caches {

  /** A school's holidays (school.TermCalendar), cleared on any holiday change. */
  public static final String HOLIDAYS = "school-holidays";
  /** A term's dates (school.TermCalendar), cleared on any term change. */
  public static final String TERMS = "school-terms";

  // the primary one: @Cacheable without a cacheManager attribute uses it; oversight keeps its own
  // (OversightCaches, named on its queries with @CacheConfig) because its figures expire on their own clock
  @Bean
  @org.springframework.context.annotation.Primary
  CacheManager cacheManager(@Value("${careflow.cache.expiry:PT1M}") Duration expiry) {
    SimpleCacheManager m = new SimpleCacheManager();
    m.setCaches(List.of(new Expiring(HOLIDAYS, expiry), new Expiring(TERMS, expiry)));
    return m;
  }

  /** A map whose entries are read again after the expiry. */
  static final class Expiring extends AbstractValueAdaptingCache {
    private record Entry(Object value, long bornNanos) {}

    private final String name;
    private final long expiryNanos;
    private final ConcurrentHashMap<Object, Entry> map = new ConcurrentHashMap<>();

    Expiring(String name, Duration expiry) {
      super(false);
      this.name = name;
      this.expiryNanos = expiry.toNanos();
    }

    @Override
    protected Object lookup(Object key) {
      Entry e = map.get(key);
      if (e == null) {
        return null;
      }
      if (System.nanoTime() - e.bornNanos() > expiryNanos) {
        map.remove(key, e);
        return null;
      }
      return e.value();
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Object getNativeCache() {
      return map;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Callable<T> valueLoader) {
      Object v = lookup(key);
      if (v != null) {
        return (T) fromStoreValue(v);
      }
      try {
        T loaded = valueLoader.call();
        put(key, loaded);
        return loaded;
      } catch (Exception e) {
        throw new ValueRetrievalException(key, valueLoader, e);
      }
    }

    @Override
    public void put(Object key, Object value) {
      if (value != null) {
        map.put(key, new Entry(toStoreValue(value), System.nanoTime()));
      }
    }

    @Override
    public void evict(Object key) {
      map.remove(key);
    }

    @Override
    public void clear() {
      map.clear();
    }
  }

  /** Clears a cache now (the change's own transaction) and again after it commits (a reader in between may have cached the old value). */
  public static void clearNowAndAfterCommit(CacheManager caches, String name) {
    Cache c = caches.getCache(name);
    if (c == null) {
      return;
    }
    c.clear();
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              c.clear();
            }
          });
    }
  }
}
