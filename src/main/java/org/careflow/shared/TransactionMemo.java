package org.careflow.shared;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A map that lives as long as the current transaction: answers one transaction asks for again and again
 * (a timer job's due dates, a case's talk cadence, a roster import's class meetings), gone when the
 * transaction commits or rolls back, so that nothing outlives the data it was read from.
 */
public final class TransactionMemo {

  private TransactionMemo() {}

  /** The transaction's map under {@code key}, made at its first use; null outside a transaction. */
  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> of(Object key) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(key);
    if (memo == null) {
      memo = new HashMap<>();
      TransactionSynchronizationManager.bindResource(key, memo);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
      });
    }
    return memo;
  }

  /** The transaction's map under {@code key} if one was made; null otherwise (nothing is made). */
  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> ifMade(Object key) {
    return TransactionSynchronizationManager.isSynchronizationActive() ? (Map<K, V>) TransactionSynchronizationManager.getResource(key) : null;
  }
}
